package dev.mast.sim.commands;

import dev.mast.sim.machine.Process;
import dev.mast.sim.machine.Systemd;
import dev.mast.sim.machine.UnitFile;
import dev.mast.sim.machine.UnitState;
import dev.mast.sim.shell.CommandException;
import dev.mast.sim.shell.Invocation;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** systemctl's read-only verbs: is-active, is-enabled, is-failed, cat and show. */
final class SystemctlQueries {
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private SystemctlQueries() {
    }

    static int isActive(Invocation inv, List<String> units, boolean quiet) throws Exception {
        boolean any = false;
        for (String unit : units) {
            UnitState.Active active = inv.machine().systemd().state(unit).active();
            any |= active == UnitState.Active.ACTIVE;
            if (!quiet) {
                inv.outLine(active.word());
            }
        }
        return any ? 0 : 3;
    }

    static int isFailed(Invocation inv, List<String> units, boolean quiet) throws Exception {
        boolean any = false;
        for (String unit : units) {
            UnitState.Active active = inv.machine().systemd().state(unit).active();
            any |= active == UnitState.Active.FAILED;
            if (!quiet) {
                inv.outLine(active.word());
            }
        }
        return any ? 0 : 1;
    }

    static int isEnabled(Invocation inv, List<String> units, boolean quiet) throws Exception {
        int status = 1;
        for (String unit : units) {
            Optional<String> state = inv.machine().systemd().unitFileState(unit);
            if (state.isEmpty()) {
                throw new CommandException(1, "Failed to get unit file state for " + unit + ": No such file or directory");
            }
            if (!quiet) {
                inv.outLine(state.get());
            }
            if (state.get().equals("enabled") || state.get().equals("static")) {
                status = 0;
            }
        }
        return status;
    }

    static int cat(Invocation inv, List<String> units) throws Exception {
        int status = 0;
        boolean first = true;
        for (String unit : units) {
            Optional<UnitFile> onDisk = inv.machine().systemd().readFromDisk(unit);
            if (onDisk.isEmpty()) {
                inv.errLine("No files found for " + unit + ".");
                status = 1;
                continue;
            }
            if (!first) {
                inv.outLine("");
            }
            inv.out(onDisk.get().text());
            first = false;
        }
        return status;
    }

    static int show(Invocation inv, List<String> units, List<String> properties, boolean valueOnly) throws Exception {
        boolean first = true;
        for (String unit : units) {
            if (!first) {
                inv.outLine("");
            }
            first = false;
            Map<String, String> all = properties(inv, unit);
            for (String name : properties.isEmpty() ? List.copyOf(all.keySet()) : properties) {
                String value = all.getOrDefault(name, "");
                inv.outLine(valueOnly ? value : name + "=" + value);
            }
        }
        return 0;
    }

    static Map<String, String> properties(Invocation inv, String unit) {
        Systemd systemd = inv.machine().systemd();
        Optional<UnitFile> loaded = systemd.definition(unit);
        UnitState state = systemd.state(unit);
        Process process = state.process();
        boolean alive = process != null && process.isAlive();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Type", loaded.map(UnitFile::type).orElse("simple"));
        p.put("Restart", loaded.map(UnitFile::restart).orElse("no"));
        p.put("MainPID", alive ? String.valueOf(process.pid()) : "0");
        p.put("NRestarts", String.valueOf(state.restarts()));
        p.put("ExecMainStatus", String.valueOf(state.lastExitCode()));
        p.put("ExecStart", loaded.flatMap(UnitFile::execStart).map(line -> execStart(line, process)).orElse(""));
        p.put("Result", state.result());
        p.put("Id", unit);
        p.put("Description", loaded.map(UnitFile::description).orElse(unit));
        p.put("LoadState", systemd.isMasked(unit) ? "masked" : loaded.isPresent() ? "loaded" : "not-found");
        p.put("ActiveState", state.active().word());
        p.put("SubState", state.subState());
        p.put("FragmentPath", loaded.map(UnitFile::fragmentPath).orElse(""));
        p.put("DropInPaths", loaded.map(u -> String.join(" ", u.dropInPaths())).orElse(""));
        p.put("UnitFileState", systemd.unitFileState(unit).orElse(""));
        p.put("ActiveEnterTimestamp", state.since() == null ? "" : TIMESTAMP.format(state.since()));
        p.put("Environment", loaded.map(u -> String.join(" ", u.all("Service", "Environment"))).orElse(""));
        return p;
    }

    /** systemd's rendering of an ExecStart= property. */
    private static String execStart(String line, Process process) {
        String path = line.trim().split("\\s+")[0];
        boolean alive = process != null && process.isAlive();
        return "{ path=" + path + " ; argv[]=" + line.trim().replaceAll("\\s+", " ") + " ; ignore_errors=no ; start_time=["
                + (process == null ? "n/a" : TIMESTAMP.format(process.startedAt())) + "] ; stop_time=["
                + (process == null || alive ? "n/a" : TIMESTAMP.format(process.exitedAt())) + "] ; pid="
                + (process == null ? 0 : process.pid()) + " ; code=" + (process == null || alive ? "(null)" : "exited")
                + " ; status=" + (process == null || alive ? "0/0" : process.exitCode() + "/" + (process.exitCode() == 0 ? "SUCCESS" : "FAILURE"))
                + " }";
    }
}
