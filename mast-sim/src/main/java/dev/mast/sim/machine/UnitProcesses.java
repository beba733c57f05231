package dev.mast.sim.machine;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a unit's ExecStart as a simulated process and reacts to its exit as the unit's Restart= says. */
final class UnitProcesses {
    private UnitProcesses() {
    }

    /** Starts the unit's process; null when the program cannot be executed (the unit then failed). */
    static Process spawn(Machine machine, UnitFile unit, UnitState state) {
        Instant now = machine.clock().now();
        String name = unit.name();
        state.startedWith = unit;
        state.restartAt = null;
        machine.journal().systemd(now, name, "Starting " + name + " - " + unit.description() + "...");
        String host = machine.identity().hostName();
        List<String> argv = unit.execStart().map(line -> ExecLine.argv(ExecLine.specifiers(line, name, host),
                environment(machine, unit))).orElse(List.of());
        if (!argv.isEmpty() && executable(machine, argv.get(0)) && !BinaryVersion.runsOn(machine, argv.get(0))) {
            machine.journal().systemd(now, name, name + ": Failed to execute " + argv.get(0) + ": Exec format error");
            machine.journal().systemd(now, name, name + ": Main process exited, code=exited, status=203/EXEC");
            state.active = UnitState.Active.FAILED;
            state.result = "exit-code";
            state.lastExitCode = 203;
            state.process = null;
            state.since = now;
            return null;
        }
        if (argv.isEmpty() || !executable(machine, argv.get(0))) {
            String program = argv.isEmpty() ? "" : argv.get(0);
            machine.journal().systemd(now, name, name + ": Failed to locate executable " + program + ": No such file or directory");
            machine.journal().systemd(now, name, name + ": Main process exited, code=exited, status=203/EXEC");
            machine.journal().systemd(now, name, name + ": Failed with result 'exit-code'.");
            machine.journal().systemd(now, name, "Failed to start " + name + " - " + unit.description() + ".");
            state.active = UnitState.Active.FAILED;
            state.result = "exit-code";
            state.lastExitCode = 203;
            state.process = null;
            state.since = now;
            return null;
        }
        ComponentKind kind = ComponentKind.ofBinary(argv.get(0));
        String ident = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        Process process = machine.processes().start(kind, argv, Process.Form.SERVICE, BinaryVersion.of(machine, argv.get(0)),
                PathResolver.HOST, (p, line) -> machine.journal().add(new Journal.Entry(line.time(), name, ident, p.pid(), line.text())));
        state.process = process;
        state.since = now;
        boolean waitsForReady = unit.type().equals("notify");
        if (unit.type().equals("oneshot")) {
            machine.processes().stop(process);
            state.active = unit.remainAfterExit() ? UnitState.Active.ACTIVE : UnitState.Active.INACTIVE;
            machine.journal().systemd(now, name, "Finished " + name + " - " + unit.description() + ".");
        } else if (waitsForReady && process.state() != Process.State.RUNNING) {
            state.active = UnitState.Active.ACTIVATING;
        } else {
            state.active = UnitState.Active.ACTIVE;
            machine.journal().systemd(now, name, "Started " + name + " - " + unit.description() + ".");
        }
        return process;
    }

    private static boolean executable(Machine machine, String program) {
        try {
            return program.startsWith("/") && machine.fs().isFile(program) && (machine.fs().mode(program) & 0111) != 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, String> environment(Machine machine, UnitFile unit) {
        String host = machine.identity().hostName();
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : unit.all("Service", "Environment")) {
            env.putAll(ExecLine.environment(List.of(ExecLine.specifiers(line, unit.name(), host))));
        }
        for (String file : unit.all("Service", "EnvironmentFile")) {
            String path = ExecLine.specifiers(file.startsWith("-") ? file.substring(1) : file, unit.name(), host);
            try {
                if (machine.fs().isFile(path)) {
                    env.putAll(ExecLine.environment(ExecLine.environmentFileLines(machine.fs().readString(path))));
                }
            } catch (IOException e) {
                // An unreadable environment file counts as absent, as with the "-" prefix.
            }
        }
        return env;
    }

    /** Follows the unit's process: ready (notify), exited (restart or fail), or a restart that is due. */
    static void observe(Machine machine, String name, UnitState state, Instant now) {
        Process process = state.process;
        UnitFile unit = state.startedWith;
        if (unit == null) {
            return;
        }
        if (state.active == UnitState.Active.ACTIVATING && state.restartAt != null) {
            if (!now.isBefore(state.restartAt)) {
                machine.journal().systemd(now, name, "Stopped " + name + " - " + unit.description() + ".");
                spawn(machine, unit, state);
            }
            return;
        }
        if (process == null) {
            return;
        }
        if (state.active == UnitState.Active.ACTIVATING && process.state() == Process.State.RUNNING) {
            state.active = UnitState.Active.ACTIVE;
            machine.journal().systemd(now, name, "Started " + name + " - " + unit.description() + ".");
        } else if ((state.active == UnitState.Active.ACTIVE || state.active == UnitState.Active.ACTIVATING)
                && process.state() == Process.State.EXITED) {
            exited(machine, name, state, unit, process, now);
        }
    }

    private static void exited(Machine machine, String name, UnitState state, UnitFile unit, Process process, Instant now) {
        int code = process.exitCode();
        state.lastExitCode = code;
        machine.journal().systemd(now, name, name + ": Main process exited, code=exited, status=" + code
                + (code == 0 ? "/SUCCESS" : "/FAILURE"));
        String restart = unit.restart();
        boolean restarts = restart.equals("always") || (restart.equals("on-failure") && code != 0);
        if (code != 0) {
            machine.journal().systemd(now, name, name + ": Failed with result 'exit-code'.");
            state.result = "exit-code";
        }
        if (restarts) {
            state.restarts++;
            state.active = UnitState.Active.ACTIVATING;
            state.restartAt = now.plus(machine.timing().restartBackoff());
            machine.journal().systemd(now, name, name + ": Scheduled restart job, restart counter is at " + state.restarts + ".");
        } else {
            state.active = code == 0 ? UnitState.Active.INACTIVE : UnitState.Active.FAILED;
            state.since = now;
        }
    }
}
