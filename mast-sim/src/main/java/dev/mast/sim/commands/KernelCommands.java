package dev.mast.sim.commands;

import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import dev.mast.sim.shell.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kernel's knobs as files under {@code /proc}: sysctl over {@code /proc/sys}, swap over
 * {@code /proc/swaps}, modules over {@code /proc/modules} (loading br_netfilter creates its
 * sysctls, as on a real node).
 */
final class KernelCommands {
    static final String SWAPS_HEADER = "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n";
    private static final Map<String, List<String>> MODULE_SYSCTLS = Map.of(
            "br_netfilter", List.of("net.bridge.bridge-nf-call-iptables", "net.bridge.bridge-nf-call-ip6tables"));
    private static final Set<String> MODULES = Set.of("overlay", "br_netfilter", "ip_vs", "ip_vs_rr", "ip_vs_wrr", "ip_vs_sh",
            "nf_conntrack", "ipip", "vxlan", "iptable_nat", "ip_tables");

    private KernelCommands() {
    }

    static void register(CommandTable table) {
        table.add("sysctl", "/usr/sbin/sysctl", CommandTable.Gate.ALWAYS, KernelCommands::sysctl)
                .add("swapon", "/usr/sbin/swapon", CommandTable.Gate.ALWAYS, KernelCommands::swapon)
                .add("swapoff", "/usr/sbin/swapoff", CommandTable.Gate.ALWAYS, KernelCommands::swapoff)
                .add("modprobe", "/usr/sbin/modprobe", CommandTable.Gate.ALWAYS, KernelCommands::modprobe)
                .add("lsmod", "/usr/sbin/lsmod", CommandTable.Gate.ALWAYS, inv -> {
                    inv.outLine("Module                  Size  Used by");
                    for (String line : Shell.lines(inv.fs().read("/proc/modules"))) {
                        inv.outLine(String.format("%-19s %8s  0", line.split(" ")[0], "36864"));
                    }
                    return 0;
                });
    }

    static String path(String key) {
        return "/proc/sys/" + key.replace('.', '/');
    }

    private static int sysctl(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "p", Set.of("load"));
        boolean quiet = args.has("q", "quiet");
        if (args.has("system") || args.has("p", "load")) {
            List<String> files = new ArrayList<>();
            if (args.has("system")) {
                for (String dir : List.of("/usr/lib/sysctl.d", "/etc/sysctl.d")) {
                    if (inv.fs().isDirectory(dir)) {
                        inv.fs().list(dir).stream().filter(f -> f.endsWith(".conf")).forEach(f -> files.add(dir + "/" + f));
                    }
                }
                files.add("/etc/sysctl.conf");
            } else {
                files.add(args.value("p", "load").map(inv::path).orElse("/etc/sysctl.conf"));
            }
            int status = 0;
            for (String file : files) {
                if (!inv.fs().isFile(file)) {
                    continue;
                }
                if (args.has("system")) {
                    inv.outLine("* Applying " + file + " ...");
                }
                for (String line : Shell.lines(inv.fs().read(file))) {
                    String trimmed = line.trim();
                    if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith(";") && trimmed.contains("=")) {
                        status |= write(inv, trimmed, quiet);
                    }
                }
            }
            return status;
        }
        int status = 0;
        for (String operand : args.operands()) {
            if (operand.contains("=")) {
                status |= write(inv, operand, quiet);
            } else {
                String file = path(operand);
                if (!inv.fs().isFile(file)) {
                    inv.errLine("sysctl: cannot stat " + file + ": No such file or directory");
                    status = 255;
                } else {
                    String value = inv.fs().readString(file).strip();
                    inv.outLine(args.has("n", "values") ? value : operand + " = " + value);
                }
            }
        }
        return status;
    }

    private static int write(Invocation inv, String assignment, boolean quiet) throws Exception {
        String key = assignment.substring(0, assignment.indexOf('=')).trim();
        String value = assignment.substring(assignment.indexOf('=') + 1).trim();
        String file = path(key);
        if (!inv.fs().isFile(file)) {
            inv.errLine("sysctl: cannot stat " + file + ": No such file or directory");
            return 255;
        }
        if (!inv.session().isRoot()) {
            inv.errLine("sysctl: permission denied on key \"" + key + "\"");
            return 255;
        }
        inv.fs().writeString(file, value + "\n", 0644);
        if (!quiet) {
            inv.outLine(key + " = " + value);
        }
        return 0;
    }

    private static int swapon(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "", Set.of());
        List<String> swaps = Shell.lines(inv.fs().read("/proc/swaps"));
        if (args.has("s", "summary")) {
            inv.out(String.join("\n", swaps) + "\n");
        } else if (args.has("show")) {
            if (swaps.size() > 1 && !args.has("noheadings")) {
                inv.outLine("NAME      TYPE SIZE USED PRIO");
            }
            for (String line : swaps.subList(Math.min(1, swaps.size()), swaps.size())) {
                String[] columns = line.trim().split("\\s+");
                inv.outLine(String.format("%-9s %-4s %4s %4s %4s", columns[0], columns[1], "2G", "0B", columns[4]));
            }
        } else if (args.has("a", "all")) {
            inv.requireRoot("swapon: cannot open /swapfile: Permission denied");
            if (inv.fs().isFile("/swapfile") && swaps.size() <= 1) {
                inv.fs().writeString("/proc/swaps", SWAPS_HEADER + "/swapfile                               file\t\t2097148\t\t0\t\t-2\n", 0444);
            }
        }
        return 0;
    }

    private static int swapoff(Invocation inv) throws Exception {
        inv.requireRoot("swapoff: Not superuser.");
        inv.fs().writeString("/proc/swaps", SWAPS_HEADER, 0444);
        return 0;
    }

    private static int modprobe(Invocation inv) throws Exception {
        List<String> modules = Args.parse(inv.args(), "", Set.of()).operands();
        inv.requireRoot("modprobe: ERROR: could not insert '" + (modules.isEmpty() ? "" : modules.get(0)) + "': Operation not permitted");
        for (String module : modules) {
            if (!MODULES.contains(module)) {
                throw inv.fail(1, "FATAL: Module " + module + " not found in directory /lib/modules/"
                        + inv.machine().identity().os().kernelRelease());
            }
            String loaded = inv.fs().readString("/proc/modules");
            if (!loaded.contains(module + " ")) {
                inv.fs().append("/proc/modules", (module + " 36864 0 - Live 0x0000000000000000\n").getBytes(), 0444);
            }
            for (String key : MODULE_SYSCTLS.getOrDefault(module, List.of())) {
                if (!inv.fs().isFile(path(key))) {
                    inv.fs().mkdirs(dev.mast.sim.machine.VirtualFs.parent(path(key)), 0555);
                    inv.fs().writeString(path(key), "1\n", 0644);
                }
            }
        }
        return 0;
    }
}
