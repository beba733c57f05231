package dev.mast.sim.commands;

import dev.mast.sim.machine.PackageDef;
import dev.mast.sim.machine.Packages;
import dev.mast.sim.shell.CommandException;
import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * dpkg and dpkg-query: {@code -s}, {@code -l}, {@code -L}, {@code -S}, {@code -W [-f FORMAT]}, {@code --configure -a};
 * removed packages keep "config-files" status.
 */
final class DpkgCommand {
    /** Where dpkg journals the work it has started and not finished. */
    static final String UPDATES = "/var/lib/dpkg/updates";

    private DpkgCommand() {
    }

    static void register(CommandTable table) {
        table.add("dpkg", "/usr/bin/dpkg", CommandTable.Gate.APT, DpkgCommand::dpkg)
                .add("dpkg-query", "/usr/bin/dpkg-query", CommandTable.Gate.APT, DpkgCommand::dpkg);
    }

    private static int dpkg(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "f", Set.of("showformat"));
        List<String> names = args.operands();
        if (args.has("configure")) {
            return configurePending(inv, args);
        }
        if (args.has("print-architecture")) {
            inv.outLine(inv.machine().arch());
            return 0;
        }
        if (args.has("s", "status")) {
            return status(inv, names);
        }
        if (args.has("W", "show")) {
            return show(inv, names, args.value("f", "showformat").orElse("${Package}\t${Version}\n"));
        }
        if (args.has("l", "list")) {
            return list(inv, names);
        }
        if (args.has("L", "listfiles")) {
            return files(inv, names);
        }
        if (args.has("S", "search")) {
            return search(inv, names);
        }
        throw new CommandException(2, inv.name() + ": need an action option\n\nType " + inv.name() + " --help for help.");
    }

    /**
     * Whether a dpkg killed in the middle of its work left it pending: dpkg journals it in {@value #UPDATES}, and apt
     * refuses to change anything until {@code dpkg --configure -a} has finished it.
     */
    static boolean interrupted(Invocation inv) throws Exception {
        return inv.machine().fs().isDirectory(UPDATES) && !inv.machine().fs().list(UPDATES).isEmpty();
    }

    /** {@code dpkg --configure -a}: finishes what an interrupted dpkg left pending. */
    private static int configurePending(Invocation inv, Args args) throws Exception {
        if (!args.has("a", "pending")) {
            throw new CommandException(2, inv.name() + ": error: --configure needs at least one package name argument");
        }
        if (!inv.session().isRoot()) {
            throw new CommandException(2, inv.name() + ": error: requested operation requires superuser privilege");
        }
        if (interrupted(inv)) {
            for (String entry : inv.machine().fs().list(UPDATES)) {
                inv.machine().fs().delete(UPDATES + "/" + entry);
            }
        }
        return 0;
    }

    private static int status(Invocation inv, List<String> names) throws Exception {
        int status = 0;
        boolean first = true;
        for (String name : names) {
            Optional<Packages.Installed> installed = inv.machine().packages().get(name);
            if (installed.isEmpty()) {
                inv.errLine("dpkg-query: package '" + name + "' is not installed and no information is available");
                status = 1;
                continue;
            }
            if (!first) {
                inv.outLine("");
            }
            first = false;
            PackageDef def = installed.get().def();
            inv.outLine("Package: " + def.name());
            inv.outLine("Status: " + status(inv, installed.get()));
            inv.outLine("Priority: optional");
            inv.outLine("Section: admin");
            inv.outLine("Maintainer: Debian and Kubernetes packagers <packages@example.org>");
            inv.outLine("Architecture: " + inv.machine().arch());
            inv.outLine("Version: " + def.version());
            if (!def.depends().isEmpty()) {
                inv.outLine("Depends: " + String.join(", ", def.depends()));
            }
            inv.outLine("Description: " + def.description());
        }
        if (status != 0) {
            inv.errLine("Use dpkg --contents (= dpkg-deb --contents) to list archive files contents.");
        }
        return status;
    }

    /** dpkg's status; {@code apt-mark hold} makes the wanted state "hold". */
    private static String status(Invocation inv, Packages.Installed installed) {
        String text = installed.status().text();
        return inv.machine().packages().isHeld(installed.def().name()) ? text.replaceFirst("^\\w+", "hold") : text;
    }

    private static String abbreviation(Invocation inv, Packages.Installed installed) {
        String text = installed.status().abbreviation();
        return inv.machine().packages().isHeld(installed.def().name()) ? "h" + text.substring(1) : text;
    }

    private static int show(Invocation inv, List<String> names, String format) throws Exception {
        int status = 0;
        Map<String, Packages.Installed> all = inv.machine().packages().all();
        for (String name : names.isEmpty() ? List.copyOf(all.keySet()) : names) {
            Packages.Installed installed = all.get(name);
            if (installed == null) {
                inv.errLine("dpkg-query: no packages found matching " + name);
                status = 1;
                continue;
            }
            PackageDef def = installed.def();
            String text = Printf.escapes(format)
                    .replace("${Package}", def.name()).replace("${binary:Package}", def.name())
                    .replace("${Version}", def.version()).replace("${Status}", status(inv, installed))
                    .replace("${db:Status-Abbrev}", abbreviation(inv, installed) + " ")
                    .replace("${db:Status-Status}", installed.status() == Packages.Status.INSTALLED ? "installed" : "config-files")
                    .replace("${Architecture}", inv.machine().arch());
            inv.out(text);
        }
        return status;
    }

    private static int list(Invocation inv, List<String> patterns) throws Exception {
        Map<String, Packages.Installed> all = inv.machine().packages().all();
        inv.outLine("Desired=Unknown/Install/Remove/Purge/Hold");
        inv.outLine("| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend");
        inv.outLine("|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)");
        inv.outLine("||/ Name                    Version                      Architecture Description");
        inv.outLine("+++-=======================-============================-============-================================");
        int status = 0;
        for (String pattern : patterns.isEmpty() ? List.of("*") : patterns) {
            Pattern regex = Pattern.compile(pattern.replace(".", "\\.").replace("*", ".*").replace("?", "."));
            boolean found = false;
            for (Packages.Installed installed : all.values()) {
                if (regex.matcher(installed.def().name()).matches()) {
                    found = true;
                    inv.outLine(String.format("%-3s %-23s %-28s %-12s %s", abbreviation(inv, installed), installed.def().name(),
                            installed.def().version(), inv.machine().arch(), installed.def().description()));
                }
            }
            if (!found) {
                inv.errLine("dpkg-query: no packages found matching " + pattern);
                status = 1;
            }
        }
        return status;
    }

    /** {@code dpkg -S PATH...}: the package each file belongs to, as {@code package: path}. */
    private static int search(Invocation inv, List<String> paths) throws Exception {
        if (paths.isEmpty()) {
            throw new CommandException(1, inv.name() + ": error: --search needs at least one file name pattern argument");
        }
        int status = 0;
        for (String path : paths) {
            Optional<String> owner = inv.machine().packages().owner(path);
            if (owner.isPresent()) {
                inv.outLine(owner.get() + ": " + path);
            } else {
                inv.errLine("dpkg-query: no path found matching pattern " + path);
                status = 1;
            }
        }
        return status;
    }

    private static int files(Invocation inv, List<String> names) throws Exception {
        int status = 0;
        for (String name : names) {
            Optional<Packages.Installed> installed = inv.machine().packages().get(name);
            if (installed.isEmpty()) {
                inv.errLine("dpkg-query: package '" + name + "' is not installed");
                status = 1;
                continue;
            }
            for (PackageDef.PackageFile file : installed.get().def().files()) {
                inv.outLine(file.path());
            }
        }
        return status;
    }
}
