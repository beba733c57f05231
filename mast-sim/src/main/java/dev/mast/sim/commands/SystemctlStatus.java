package dev.mast.sim.commands;

import dev.mast.sim.machine.Journal;
import dev.mast.sim.machine.Process;
import dev.mast.sim.machine.Systemd;
import dev.mast.sim.machine.UnitFile;
import dev.mast.sim.machine.UnitState;
import dev.mast.sim.shell.Invocation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code systemctl status UNIT}: the block systemd prints, with the last journal lines of the unit. */
final class SystemctlStatus {
    private SystemctlStatus() {
    }

    static int status(Invocation inv, List<String> units, int lines) throws Exception {
        int status = 0;
        for (String unit : units) {
            Systemd systemd = inv.machine().systemd();
            Optional<UnitFile> loaded = systemd.definition(unit);
            UnitState state = systemd.state(unit);
            if (loaded.isEmpty() && state.active() == UnitState.Active.INACTIVE) {
                inv.errLine("Unit " + unit + " could not be found.");
                status = 4;
                continue;
            }
            block(inv, unit, loaded, state, lines);
            if (state.active() != UnitState.Active.ACTIVE && status == 0) {
                status = 3;
            }
        }
        return status;
    }

    private static void block(Invocation inv, String unit, Optional<UnitFile> loaded, UnitState state, int lines) throws Exception {
        Instant now = inv.machine().clock().now();
        String bullet = state.active() == UnitState.Active.FAILED ? "\u00d7" : "\u25cf";
        inv.outLine(bullet + " " + unit + " - " + loaded.map(UnitFile::description).orElse(unit));
        String fileState = inv.machine().systemd().unitFileState(unit).orElse("disabled");
        inv.outLine("     Loaded: " + (inv.machine().systemd().isMasked(unit) ? "masked (Reason: Unit " + unit + " is masked.)"
                : "loaded (" + loaded.map(UnitFile::fragmentPath).orElse("") + "; " + fileState + "; preset: enabled)"));
        if (loaded.isPresent() && !loaded.get().dropInPaths().isEmpty()) {
            String first = loaded.get().dropInPaths().get(0);
            inv.outLine("    Drop-In: " + first.substring(0, first.lastIndexOf('/')));
            for (String dropIn : loaded.get().dropInPaths()) {
                inv.outLine("             \u2514\u2500" + dropIn.substring(dropIn.lastIndexOf('/') + 1));
            }
        }
        inv.outLine("     Active: " + active(state) + (state.since() == null ? ""
                : " since " + SystemctlQueries.TIMESTAMP.format(state.since()) + "; " + ago(state.since(), now)));
        Process process = state.process();
        if (process != null && process.isAlive()) {
            String name = process.argv().get(0).substring(process.argv().get(0).lastIndexOf('/') + 1);
            inv.outLine("   Main PID: " + process.pid() + " (" + name + ")");
            inv.outLine("      Tasks: 12 (limit: 9401)");
            inv.outLine("     Memory: 48.2M");
            inv.outLine("     CGroup: /system.slice/" + unit);
            inv.outLine("             \u2514\u2500" + process.pid() + " " + String.join(" ", process.argv()));
        } else if (process != null) {
            inv.outLine("    Process: " + process.pid() + " ExecStart=" + String.join(" ", process.argv()) + " (code=exited, status="
                    + process.exitCode() + "/" + (process.exitCode() == 0 ? "SUCCESS" : "FAILURE") + ")");
            inv.outLine("   Main PID: " + process.pid() + " (code=exited, status=" + process.exitCode() + "/"
                    + (process.exitCode() == 0 ? "SUCCESS" : "FAILURE") + ")");
        }
        List<Journal.Entry> entries = inv.machine().journal().forUnit(unit);
        if (!entries.isEmpty() && lines > 0) {
            inv.outLine("");
            for (Journal.Entry entry : entries.subList(Math.max(0, entries.size() - lines), entries.size())) {
                inv.outLine(entry.format(inv.machine().identity().hostName()));
            }
        }
    }

    private static String active(UnitState state) {
        return switch (state.active()) {
            case ACTIVE -> "active (" + state.subState() + ")";
            case INACTIVE -> "inactive (dead)";
            case FAILED -> "failed (Result: " + state.result() + ")";
            case ACTIVATING -> "activating (" + state.subState() + ")" + (state.result().equals("success") ? "" : " (Result: " + state.result() + ")");
        };
    }

    static String ago(Instant since, Instant now) {
        Duration d = Duration.between(since, now);
        if (d.toMinutes() >= 60) {
            return d.toHours() + "h " + d.toMinutesPart() + "min ago";
        }
        if (d.toSeconds() >= 60) {
            return d.toMinutes() + "min " + d.toSecondsPart() + "s ago";
        }
        return Math.max(0, d.toMillis()) / 1000 + "." + String.format("%03d", Math.max(0, d.toMillis()) % 1000) + "s ago";
    }
}
