package dev.mast.sim.commands;

import dev.mast.sim.machine.PackageDef;
import dev.mast.sim.machine.Packages;
import dev.mast.sim.shell.CommandException;
import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * apt-get (and apt): update, install with dependencies, remove and purge with the packages
 * that depend on what goes. Needs root and the dpkg lock; without {@code -y} a change is
 * aborted, as apt does when it cannot ask.
 */
final class AptCommand {
    private AptCommand() {
    }

    static void register(CommandTable table) {
        table.add("apt-get", "/usr/bin/apt-get", CommandTable.Gate.APT, AptCommand::aptGet)
                .add("apt", "/usr/bin/apt", CommandTable.Gate.APT, AptCommand::aptGet);
    }

    private static int aptGet(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "ot", Set.of("option", "target-release"));
        if (args.operands().isEmpty()) {
            throw new CommandException(100, "E: Invalid operation");
        }
        String verb = args.operands().get(0);
        List<String> names = new ArrayList<>();
        for (String name : args.operands().subList(1, args.operands().size())) {
            names.add(name.contains("=") ? name.substring(0, name.indexOf('=')) : name);
        }
        boolean yes = args.has("y", "yes", "assume-yes");
        if (!inv.session().isRoot()) {
            throw new CommandException(100, "E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\n"
                    + "E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?");
        }
        Packages packages = inv.machine().packages();
        if (!packages.dpkgLock().tryLock()) {
            throw new CommandException(100, "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)\n"
                    + "N: Be aware that removing the lock file is not a solution and may break your system.\n"
                    + "E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?");
        }
        try {
            return switch (verb) {
                case "update" -> update(inv);
                case "install", "reinstall" -> install(inv, names, yes);
                case "remove" -> remove(inv, names, yes, args.has("purge"));
                case "purge" -> remove(inv, names, yes, true);
                case "autoremove", "upgrade", "dist-upgrade", "clean", "autoclean" -> {
                    header(inv);
                    inv.outLine("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.");
                    yield 0;
                }
                default -> throw new CommandException(100, "E: Invalid operation " + verb);
            };
        } finally {
            packages.dpkgLock().unlock();
        }
    }

    private static int update(Invocation inv) throws Exception {
        inv.outLine("Hit:1 http://deb.debian.org/debian bookworm InRelease");
        inv.outLine("Hit:2 http://deb.debian.org/debian-security bookworm-security InRelease");
        inv.outLine("Hit:3 https://pkgs.k8s.io/core:/stable:/v1.34/deb  InRelease");
        inv.outLine("Reading package lists...");
        return 0;
    }

    private static void header(Invocation inv) throws Exception {
        inv.outLine("Reading package lists...");
        inv.outLine("Building dependency tree...");
        inv.outLine("Reading state information...");
    }

    private static int install(Invocation inv, List<String> names, boolean yes) throws Exception {
        Packages packages = inv.machine().packages();
        header(inv);
        List<PackageDef> plan;
        try {
            plan = packages.installPlan(names);
        } catch (Packages.UnknownPackageException e) {
            throw new CommandException(100, "E: Unable to locate package " + e.name());
        }
        for (String name : names) {
            if (plan.stream().noneMatch(d -> d.name().equals(name))) {
                inv.outLine(name + " is already the newest version (" + packages.get(name).map(i -> i.def().version()).orElse("") + ").");
            }
        }
        if (plan.isEmpty()) {
            inv.outLine("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.");
            return 0;
        }
        inv.outLine("The following NEW packages will be installed:");
        inv.outLine("  " + String.join(" ", plan.stream().map(PackageDef::name).toList()));
        inv.outLine("0 upgraded, " + plan.size() + " newly installed, 0 to remove and 0 not upgraded.");
        if (!yes) {
            inv.outLine("Do you want to continue? [Y/n] Abort.");
            return 1;
        }
        for (PackageDef def : plan) {
            inv.outLine("Get: " + def.name() + " " + def.version() + " [amd64]");
        }
        Thread.sleep(inv.machine().timing().transfer().toMillis() * plan.size());
        for (PackageDef def : plan) {
            inv.outLine("Selecting previously unselected package " + def.name() + ".");
            packages.install(def, true, line -> print(inv, line));
        }
        return 0;
    }

    private static int remove(Invocation inv, List<String> names, boolean yes, boolean purge) throws Exception {
        Packages packages = inv.machine().packages();
        header(inv);
        for (String name : names) {
            if (packages.get(name).isEmpty()) {
                inv.outLine("Package '" + name + "' is not installed, so not removed");
            }
        }
        List<String> plan = packages.removePlan(names).stream()
                .filter(n -> purge || packages.isInstalled(n)).toList();
        if (plan.isEmpty()) {
            inv.outLine("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.");
            return 0;
        }
        inv.outLine("The following packages will be REMOVED:");
        inv.outLine("  " + String.join(" ", plan.stream().map(n -> purge ? n + "*" : n).toList()));
        inv.outLine("0 upgraded, 0 newly installed, " + plan.size() + " to remove and 0 not upgraded.");
        if (!yes) {
            inv.outLine("Do you want to continue? [Y/n] Abort.");
            return 1;
        }
        inv.outLine("(Reading database ... 41234 files and directories currently installed.)");
        for (String name : plan) {
            packages.remove(name, purge, line -> print(inv, line));
        }
        return 0;
    }

    static void print(Invocation inv, String line) {
        try {
            if (line.startsWith("Created symlink") || line.startsWith("Removed ")) {
                inv.errLine(line);
            } else {
                inv.outLine(line);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
