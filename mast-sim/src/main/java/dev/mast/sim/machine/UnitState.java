package dev.mast.sim.machine;

import java.time.Instant;

/** The run-time state of one unit: what {@code systemctl is-active} and {@code status} report. */
public final class UnitState {
    /** systemd's ActiveState, with the SubState it implies here. */
    public enum Active {
        ACTIVE("active"), INACTIVE("inactive"), FAILED("failed"), ACTIVATING("activating");

        private final String word;

        Active(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    Active active = Active.INACTIVE;
    /** The definition the unit was started with. */
    UnitFile startedWith;
    Process process;
    Instant since;
    Instant restartAt;
    int restarts;
    String result = "success";
    int lastExitCode;

    public Active active() {
        return active;
    }

    public Process process() {
        return process;
    }

    public Instant since() {
        return since;
    }

    public int restarts() {
        return restarts;
    }

    public String result() {
        return result;
    }

    public int lastExitCode() {
        return lastExitCode;
    }

    /** systemd's SubState for this state. */
    public String subState() {
        return switch (active) {
            case ACTIVE -> process != null && process.isAlive() ? "running" : "exited";
            case INACTIVE -> "dead";
            case FAILED -> "failed";
            case ACTIVATING -> restartAt != null ? "auto-restart" : "start";
        };
    }
}
