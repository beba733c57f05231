package dev.mast.workflow.tasks;

import dev.mast.workflow.Remote;
import dev.mast.workflow.Sh;
import java.util.List;
import java.util.stream.Collectors;

/** The systemctl calls phases make. */
public final class Systemd {
    private Systemd() {
    }

    public static boolean isActive(Remote remote, String unit) throws Exception {
        return remote.probe("systemctl is-active " + Sh.quote(unit) + " >/dev/null") == 0;
    }

    /**
     * Whether every one of the units is active, asked in one round trip. systemctl's exit status says
     * whether any is; the state it prints for each says whether all are.
     */
    public static boolean areActive(Remote remote, List<String> units) throws Exception {
        List<String> states = remote.query("systemctl is-active " + units.stream().map(Sh::quote).collect(Collectors.joining(" ")))
                .stdout().stream().map(String::strip).toList();
        return states.size() == units.size() && states.stream().allMatch("active"::equals);
    }

    public static boolean isEnabled(Remote remote, String unit) throws Exception {
        return remote.probe("systemctl is-enabled " + Sh.quote(unit) + " >/dev/null") == 0;
    }

    /** Reloads unit files, enables the unit and (re)starts it so changed files take effect. */
    public static void enableAndRestart(Remote remote, String unit) throws Exception {
        remote.run("systemctl daemon-reload && systemctl enable " + Sh.quote(unit) + " && systemctl restart " + Sh.quote(unit));
    }

    public static void stopAndDisable(Remote remote, String unit) throws Exception {
        remote.run("systemctl stop " + Sh.quote(unit) + " && systemctl disable " + Sh.quote(unit));
    }
}
