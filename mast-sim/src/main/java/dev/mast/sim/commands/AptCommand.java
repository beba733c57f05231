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
 * aborted, as apt does when it cannot ask, and refused while a killed dpkg's work is pending.
 */
final class AptCommand {
    private AptCommand() {
    }

    static void register(CommandTable table) {
        table.add("apt-get", "/usr/bin/apt-get", CommandTable.Gate.APT, AptCommand::aptGet)
                .add("apt", "/usr/bin/apt", CommandTable.Gate.APT, AptCommand::aptGet)
                .add("apt-mark", "/usr/bin/apt-mark", CommandTable.Gate.APT, AptCommand::aptMark)
                .add("apt-cache", "/usr/bin/apt-cache", CommandTable.Gate.APT, AptCommand::aptCache);
    }

    private static int aptGet(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "ot", Set.of("option", "target-release"));
        if (args.operands().isEmpty()) {
            throw new CommandException(100, "E: Invalid operation");
        }
        String verb = args.operands().get(0);
        List<String> arguments = args.operands().subList(1, args.operands().size());
        List<String> names = new ArrayList<>();
        for (String name : arguments) {
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
            if (Set.of("install", "reinstall", "remove", "purge").contains(verb) && DpkgCommand.interrupted(inv)) {
                throw new CommandException(100, "E: dpkg was interrupted, you must manually run 'dpkg --configure -a' to correct the problem. ");
            }
            return switch (verb) {
                case "update" -> update(inv);
                case "install", "reinstall" -> install(inv, arguments, yes, args);
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
        return inv.machine().packages().sources().aptUpdate(line -> print(inv, line), line -> {
            try {
                inv.errLine(line);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static void header(Invocation inv) throws Exception {
        inv.outLine("Reading package lists...");
        inv.outLine("Building dependency tree...");
        inv.outLine("Reading state information...");
    }

    private static int install(Invocation inv, List<String> arguments, boolean yes, Args args) throws Exception {
        Packages packages = inv.machine().packages();
        header(inv);
        List<Packages.Request> requests = arguments.stream().map(Packages.Request::apt).toList();
        List<Packages.Change> plan;
        try {
            plan = packages.resolve(requests, packages.sources()::aptCandidates);
        } catch (Packages.UnknownPackageException e) {
            throw new CommandException(100, "E: Unable to locate package " + e.name());
        } catch (Packages.VersionNotFoundException e) {
            throw new CommandException(100, "E: Version '" + e.getMessage().substring(e.getMessage().indexOf('=') + 1)
                    + "' for '" + e.getMessage().substring(0, e.getMessage().indexOf('=')) + "' was not found");
        }
        for (Packages.Request request : requests) {
            if (plan.stream().noneMatch(c -> c.def().name().equals(request.name()))) {
                inv.outLine(request.name() + " is already the newest version (" + packages.get(request.name())
                        .map(i -> i.def().version()).orElse("") + ").");
            }
        }
        if (plan.isEmpty()) {
            inv.outLine("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.");
            return 0;
        }
        List<Packages.Change> changed = plan.stream().filter(c -> c.replaces().isPresent()).toList();
        List<String> heldChanged = changed.stream().map(c -> c.def().name()).filter(packages::isHeld).toList();
        if (!heldChanged.isEmpty()) {
            inv.outLine("The following held packages will be changed:");
            inv.outLine("  " + String.join(" ", heldChanged));
        }
        List<String> fresh = plan.stream().filter(c -> c.replaces().isEmpty()).map(c -> c.def().name()).toList();
        if (!fresh.isEmpty()) {
            inv.outLine("The following NEW packages will be installed:");
            inv.outLine("  " + String.join(" ", fresh));
        }
        List<String> downgraded = changed.stream().filter(Packages.Change::downgrade).map(c -> c.def().name()).toList();
        if (!downgraded.isEmpty()) {
            inv.outLine("The following packages will be DOWNGRADED:");
            inv.outLine("  " + String.join(" ", downgraded));
        }
        inv.outLine((changed.size() - downgraded.size()) + " upgraded, " + fresh.size() + " newly installed, "
                + downgraded.size() + " downgraded, 0 to remove and 0 not upgraded.");
        if (!heldChanged.isEmpty() && !args.has("allow-change-held-packages")) {
            throw new CommandException(100, "E: Held packages were changed and -y was used without --allow-change-held-packages.");
        }
        if (!downgraded.isEmpty() && !args.has("allow-downgrades")) {
            throw new CommandException(100, "E: Packages were downgraded and -y was used without --allow-downgrades.");
        }
        if (!yes) {
            inv.outLine("Do you want to continue? [Y/n] Abort.");
            return 1;
        }
        for (Packages.Change change : plan) {
            inv.outLine("Get: " + change.def().name() + " " + change.def().version() + " [" + inv.machine().arch() + "]");
        }
        Thread.sleep(inv.machine().timing().transfer().toMillis() * plan.size());
        for (Packages.Change change : plan) {
            if (change.replaces().isEmpty()) {
                inv.outLine("Selecting previously unselected package " + change.def().name() + ".");
            } else {
                inv.outLine("Preparing to unpack .../" + change.def().name() + "_" + change.def().version() + "_" + inv.machine().arch() + ".deb ...");
            }
            packages.install(change.def(), true, line -> print(inv, line));
        }
        return 0;
    }

    /** {@code apt-mark hold|unhold|showhold}. */
    private static int aptMark(Invocation inv) throws Exception {
        List<String> operands = inv.args().stream().filter(a -> !a.startsWith("-")).toList();
        if (operands.isEmpty()) {
            throw new CommandException(100, "E: No packages found");
        }
        Packages packages = inv.machine().packages();
        switch (operands.get(0)) {
            case "showhold" -> packages.heldPackages().stream().sorted().forEach(name -> print(inv, name));
            case "hold", "unhold" -> {
                inv.requireRoot("E: Could not create temporary file for /var/lib/apt/extended_states - mkstemp (13: Permission denied)");
                boolean hold = operands.get(0).equals("hold");
                for (String name : operands.subList(1, operands.size())) {
                    if (packages.get(name).isEmpty()) {
                        throw new CommandException(100, "E: Unable to locate package " + name);
                    }
                    boolean changed = packages.setHeld(name, hold);
                    inv.outLine(hold ? (changed ? name + " set on hold." : name + " was already set on hold.")
                            : (changed ? "Canceled hold on " + name + "." : name + " was already not on hold."));
                }
            }
            default -> throw new CommandException(100, "E: Invalid operation " + operands.get(0));
        }
        return 0;
    }

    /** {@code apt-cache madison|policy NAME...}: the versions the repositories apt last read offer. */
    private static int aptCache(Invocation inv) throws Exception {
        List<String> operands = inv.args().stream().filter(a -> !a.startsWith("-")).toList();
        if (operands.isEmpty()) {
            throw new CommandException(100, "E: No operation specified");
        }
        Packages packages = inv.machine().packages();
        for (String name : operands.subList(1, operands.size())) {
            List<dev.mast.sim.machine.PackageSources.Candidate> candidates = packages.sources().aptCandidates(name);
            switch (operands.get(0)) {
                case "madison" -> {
                    if (candidates.isEmpty()) {
                        inv.errLine("N: Unable to locate package " + name);
                    }
                    for (var candidate : candidates) {
                        inv.outLine(String.format("%10s | %s | %s", name, candidate.def().version(), candidate.origin()));
                    }
                }
                case "policy" -> {
                    var installed = packages.get(name).filter(i -> i.status() == Packages.Status.INSTALLED);
                    inv.outLine(name + ":");
                    inv.outLine("  Installed: " + installed.map(i -> i.def().version()).orElse("(none)"));
                    inv.outLine("  Candidate: " + (candidates.isEmpty() ? "(none)" : candidates.get(0).def().version()));
                    inv.outLine("  Version table:");
                    for (var candidate : candidates) {
                        inv.outLine("     " + candidate.def().version() + " 500");
                        inv.outLine("        500 " + candidate.origin());
                    }
                }
                default -> throw new CommandException(100, "E: Invalid operation " + operands.get(0));
            }
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
