package dev.mast.sim.commands;

import dev.mast.sim.machine.Machine;
import dev.mast.sim.machine.Process;
import dev.mast.sim.machine.Systemd;
import dev.mast.sim.machine.UnitFile;
import dev.mast.sim.machine.UnitLinks;
import dev.mast.sim.machine.UnitState;
import dev.mast.sim.shell.CommandException;
import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * systemctl over the simulated systemd: start/stop/restart (a Type=notify unit's start waits
 * until the program is ready or failed), enable/disable [--now], is-active/is-enabled/is-failed,
 * daemon-reload, cat, show, status, mask/unmask, reset-failed, list-units, list-unit-files.
 */
final class SystemctlCommand {
    private static final Set<String> CHANGES = Set.of("start", "stop", "restart", "try-restart", "reload-or-restart", "enable",
            "disable", "daemon-reload", "mask", "unmask", "reset-failed", "reload");

    private SystemctlCommand() {
    }

    static void register(CommandTable table) {
        table.add("systemctl", "/usr/bin/systemctl", CommandTable.Gate.ALWAYS, SystemctlCommand::systemctl);
    }

    private static int systemctl(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "pnt", Set.of("property", "lines", "type", "state"));
        if (args.operands().isEmpty()) {
            return SystemctlListing.listUnits(inv, args);
        }
        String verb = args.operands().get(0);
        List<String> units = args.operands().subList(1, args.operands().size()).stream().map(Systemd::unitName).toList();
        if (CHANGES.contains(verb) && !inv.session().isRoot()) {
            throw new CommandException(1, verb.equals("daemon-reload") ? "Failed to reload daemon: Interactive authentication required."
                    : "Failed to " + verb + " " + String.join(" ", units) + ": Interactive authentication required.\n"
                    + "See system logs and 'systemctl status " + String.join(" ", units) + "' for details.");
        }
        Machine machine = inv.machine();
        return switch (verb) {
            case "start" -> each(units, u -> start(inv, u));
            case "stop" -> each(units, u -> stop(inv, u));
            case "restart", "reload-or-restart" -> each(units, u -> restart(inv, u));
            case "try-restart" -> each(units, u -> machine.systemd().state(u).active() == UnitState.Active.ACTIVE
                    ? restart(inv, u) : 0);
            case "reload" -> throw new CommandException(1, "Failed to reload " + String.join(" ", units)
                    + ": Job type reload is not applicable for unit " + (units.isEmpty() ? "" : units.get(0)) + ".");
            case "enable" -> enable(inv, units, args.has("now"));
            case "disable" -> disable(inv, units, args.has("now"));
            case "daemon-reload" -> {
                machine.systemd().daemonReload();
                yield 0;
            }
            case "is-active" -> SystemctlQueries.isActive(inv, units, args.has("q", "quiet"));
            case "is-enabled" -> SystemctlQueries.isEnabled(inv, units, args.has("q", "quiet"));
            case "is-failed" -> SystemctlQueries.isFailed(inv, units, args.has("q", "quiet"));
            case "cat" -> SystemctlQueries.cat(inv, units);
            case "show" -> SystemctlQueries.show(inv, units, properties(args), args.has("value"));
            case "status" -> SystemctlStatus.status(inv, units, Integer.parseInt(args.value("n", "lines").orElse("10")));
            case "mask" -> each(units, u -> {
                try {
                    return print(inv, UnitLinks.mask(machine, u));
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    throw new CommandException(1, "Failed to mask unit: File " + e.getFile() + " already exists.");
                }
            });
            case "unmask" -> each(units, u -> print(inv, UnitLinks.unmask(machine, u)));
            case "reset-failed" -> each(units, u -> {
                machine.systemd().resetFailed(u);
                return 0;
            });
            case "list-units" -> SystemctlListing.listUnits(inv, args);
            case "list-unit-files" -> SystemctlListing.listUnitFiles(inv, args);
            default -> throw new CommandException(1, "Unknown command verb " + verb + ".");
        };
    }

    private interface UnitAction {
        int apply(String unit) throws Exception;
    }

    private static int each(List<String> units, UnitAction action) throws Exception {
        if (units.isEmpty()) {
            throw new CommandException(1, "Too few arguments.");
        }
        int status = 0;
        for (String unit : units) {
            int result = action.apply(unit);
            status = status == 0 ? result : status;
        }
        return status;
    }

    private static int print(Invocation inv, List<String> lines) throws Exception {
        for (String line : lines) {
            inv.errLine(line);
        }
        return 0;
    }

    private static List<String> properties(Args args) {
        List<String> properties = new ArrayList<>();
        for (String value : args.all("p")) {
            properties.addAll(List.of(value.split(",")));
        }
        for (String value : args.all("property")) {
            properties.addAll(List.of(value.split(",")));
        }
        return properties;
    }

    private static void warnIfChanged(Invocation inv, String unit) throws Exception {
        if (inv.machine().systemd().changedOnDisk(unit)) {
            inv.errLine("Warning: The unit file, source configuration file or drop-ins of " + unit
                    + " changed on disk. Run 'systemctl daemon-reload' to reload units.");
        }
    }

    static int start(Invocation inv, String unit) throws Exception {
        Systemd systemd = inv.machine().systemd();
        if (systemd.isMasked(unit)) {
            throw new CommandException(1, "Failed to start " + unit + ": Unit " + unit + " is masked.");
        }
        Optional<UnitFile> definition = systemd.definition(unit);
        if (definition.isEmpty()) {
            throw new CommandException(5, "Failed to start " + unit + ": Unit " + unit + " not found.");
        }
        warnIfChanged(inv, unit);
        Optional<Process> process = systemd.start(unit);
        boolean notify = definition.get().type().equals("notify");
        if (!notify) {
            return 0;
        }
        if (process.isPresent()) {
            systemd.awaitStartup(process.get());
        }
        if (process.isEmpty() || process.get().state() != Process.State.RUNNING) {
            throw new CommandException(1, "Job for " + unit + " failed because the control process exited with error code.\n"
                    + "See \"systemctl status " + unit + "\" and \"journalctl -xeu " + unit + "\" for details.");
        }
        return 0;
    }

    private static int stop(Invocation inv, String unit) throws Exception {
        Systemd systemd = inv.machine().systemd();
        if (systemd.definition(unit).isEmpty() && systemd.state(unit).active() == UnitState.Active.INACTIVE) {
            throw new CommandException(5, "Failed to stop " + unit + ": Unit " + unit + " not loaded.");
        }
        warnIfChanged(inv, unit);
        systemd.stop(unit);
        return 0;
    }

    private static int restart(Invocation inv, String unit) throws Exception {
        if (inv.machine().systemd().definition(unit).isEmpty() && !inv.machine().systemd().isMasked(unit)) {
            throw new CommandException(5, "Failed to restart " + unit + ": Unit " + unit + " not found.");
        }
        stop(inv, unit);
        return start(inv, unit);
    }

    private static int enable(Invocation inv, List<String> units, boolean now) throws Exception {
        return each(units, unit -> {
            Systemd systemd = inv.machine().systemd();
            if (systemd.isMasked(unit)) {
                throw new CommandException(1, "Failed to enable unit: Unit file " + unit + " is masked.");
            }
            Optional<UnitFile> onDisk = systemd.readFromDisk(unit);
            if (onDisk.isEmpty()) {
                throw new CommandException(1, "Failed to enable unit: Unit file " + unit + " does not exist.");
            }
            print(inv, UnitLinks.enable(inv.machine(), onDisk.get()));
            systemd.daemonReload();
            return now ? start(inv, unit) : 0;
        });
    }

    private static int disable(Invocation inv, List<String> units, boolean now) throws Exception {
        return each(units, unit -> {
            Systemd systemd = inv.machine().systemd();
            if (systemd.readFromDisk(unit).isEmpty() && !systemd.isMasked(unit)) {
                throw new CommandException(1, "Failed to disable unit: Unit file " + unit + " does not exist.");
            }
            print(inv, UnitLinks.disable(inv.machine(), unit));
            systemd.daemonReload();
            return now ? stop(inv, unit) : 0;
        });
    }
}
