package dev.mast.sim.commands;

import dev.mast.sim.machine.Identity;
import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Facts about the machine: hostname, uname, nproc, date, whoami, id, free. */
final class SystemCommands {
    private SystemCommands() {
    }

    static void register(CommandTable table) {
        table.add("hostname", "/usr/bin/hostname", CommandTable.Gate.ALWAYS, SystemCommands::hostname)
                .add("uname", "/usr/bin/uname", CommandTable.Gate.ALWAYS, SystemCommands::uname)
                .add("nproc", "/usr/bin/nproc", CommandTable.Gate.ALWAYS, inv -> {
                    inv.outLine(String.valueOf(inv.machine().identity().cpus()));
                    return 0;
                })
                .add("date", "/usr/bin/date", CommandTable.Gate.ALWAYS, SystemCommands::date)
                .add("whoami", "/usr/bin/whoami", CommandTable.Gate.ALWAYS, inv -> {
                    inv.outLine(inv.session().user());
                    return 0;
                })
                .add("id", "/usr/bin/id", CommandTable.Gate.ALWAYS, SystemCommands::id)
                .add("free", "/usr/bin/free", CommandTable.Gate.ALWAYS, SystemCommands::free);
    }

    private static final String KERNEL_HOST_NAME = "/proc/sys/kernel/hostname";

    private static int hostname(Invocation inv) throws Exception {
        Identity identity = inv.machine().identity();
        Args args = Args.parse(inv.args(), "", Set.of());
        if (args.has("I", "i", "all-ip-addresses", "ip-address")) {
            inv.outLine(identity.address() + (args.has("I") ? " " : ""));
        } else if (!args.operands().isEmpty()) {
            // Like the real one, the kernel's name changes until reboot; the kubelet keeps the node's name.
            inv.requireRoot("hostname: you must be root to change the host name");
            inv.machine().fs().writeString(KERNEL_HOST_NAME, args.operands().get(0) + "\n", 0644);
        } else {
            inv.outLine(inv.machine().fs().readString(KERNEL_HOST_NAME).trim());
        }
        return 0;
    }

    private static int uname(Invocation inv) throws Exception {
        Identity identity = inv.machine().identity();
        Args args = Args.parse(inv.args(), "", Set.of());
        String kernel = identity.os().kernelRelease();
        String version = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)";
        if (args.has("a", "all")) {
            inv.outLine("Linux " + identity.hostName() + " " + kernel + " " + version + " " + inv.machine().unameMachine() + " GNU/Linux");
            return 0;
        }
        List<String> parts = new ArrayList<>();
        if (args.has("s", "kernel-name") || inv.args().isEmpty()) {
            parts.add("Linux");
        }
        if (args.has("n", "nodename")) {
            parts.add(identity.hostName());
        }
        if (args.has("r", "kernel-release")) {
            parts.add(kernel);
        }
        if (args.has("v", "kernel-version")) {
            parts.add(version);
        }
        if (args.has("m", "machine", "p", "i")) {
            parts.add(inv.machine().unameMachine());
        }
        if (args.has("o", "operating-system")) {
            parts.add("GNU/Linux");
        }
        inv.outLine(String.join(" ", parts));
        return 0;
    }

    private static int date(Invocation inv) throws Exception {
        Instant now = inv.machine().clock().now();
        String format = inv.args().stream().filter(a -> a.startsWith("+")).findFirst().map(a -> a.substring(1))
                .orElse("%a %b %e %H:%M:%S %Z %Y");
        if (inv.args().stream().anyMatch(a -> a.startsWith("-I") || a.startsWith("--iso-8601"))) {
            format = "%Y-%m-%dT%H:%M:%S+00:00";
        }
        inv.outLine(strftime(format, now));
        return 0;
    }

    static String strftime(String format, Instant time) {
        var t = time.atZone(ZoneOffset.UTC);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char spec = format.charAt(++i);
            out.append(switch (spec) {
                case 's' -> String.valueOf(time.getEpochSecond());
                case 'N' -> String.format(Locale.ROOT, "%09d", time.getNano());
                case 'Y' -> String.valueOf(t.getYear());
                case 'm' -> String.format(Locale.ROOT, "%02d", t.getMonthValue());
                case 'd' -> String.format(Locale.ROOT, "%02d", t.getDayOfMonth());
                case 'e' -> String.format(Locale.ROOT, "%2d", t.getDayOfMonth());
                case 'H' -> String.format(Locale.ROOT, "%02d", t.getHour());
                case 'M' -> String.format(Locale.ROOT, "%02d", t.getMinute());
                case 'S' -> String.format(Locale.ROOT, "%02d", t.getSecond());
                case 'F' -> DateTimeFormatter.ISO_LOCAL_DATE.format(t);
                case 'T' -> DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).format(t);
                case 'a' -> DateTimeFormatter.ofPattern("EEE", Locale.ROOT).format(t);
                case 'b' -> DateTimeFormatter.ofPattern("MMM", Locale.ROOT).format(t);
                case 'Z' -> "UTC";
                case 'z' -> "+0000";
                case '%' -> "%";
                default -> "%" + spec;
            });
        }
        return out.toString();
    }

    private static int id(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "", Set.of());
        String user = args.operands().isEmpty() ? inv.session().user() : args.operands().get(0);
        String uid = user.equals("root") ? "0" : "1000";
        boolean names = args.has("n", "name");
        if (args.has("u", "user")) {
            inv.outLine(names ? user : uid);
        } else if (args.has("g", "group")) {
            inv.outLine(names ? user : uid);
        } else if (args.has("G", "groups")) {
            inv.outLine(names ? (user.equals("root") ? "root" : user + " sudo") : (user.equals("root") ? "0" : uid + " 27"));
        } else {
            inv.outLine("uid=" + uid + "(" + user + ") gid=" + uid + "(" + user + ") groups=" + uid + "(" + user + ")"
                    + (user.equals("root") ? "" : ",27(sudo)"));
        }
        return 0;
    }

    private static int free(Invocation inv) throws Exception {
        boolean swap = dev.mast.sim.shell.Shell.lines(inv.fs().read("/proc/swaps")).size() > 1;
        inv.outLine("               total        used        free      shared  buff/cache   available");
        inv.outLine("Mem:            7940         612        6512           1         815        7102");
        inv.outLine("Swap:           " + (swap ? "2047           0        2047" : "   0           0           0"));
        return 0;
    }
}
