package dev.mast.workflow.tasks;

import dev.mast.files.NodeFile;
import dev.mast.plan.Component;
import dev.mast.workflow.Remote;
import dev.mast.workflow.Sh;
import dev.mast.workflow.legacy.LegacyService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a conversion has in flight on a node, recorded there so that nothing is half-done unknowingly: before a
 * component's service is stopped, a file {@code converting-<component>} in the backup folder names the component and
 * the run's backup of it; the file goes once the component is healthy as a static pod or back as a service. A run
 * killed in between leaves it, and the next run, the preview and {@code mast upgrade --dry-run} read it and say what
 * the node is left with and what they do about it.
 */
public final class UnfinishedConversions {
    static final String BACKUPS = "/etc/kubernetes/backup";
    private static final String PREFIX = BACKUPS + "/converting-";

    /** A component whose conversion a run started and did not finish, and what the node has of it now. */
    public record Unfinished(String backupDir, Component component, boolean serviceActive, boolean manifestPresent) {
        /**
         * Its manifest is in place and its service stopped: the run that left it had replaced the service (the
         * manifest moves in place only once the service has stopped), and only waiting for its health and removing
         * what it replaced were left.
         */
        public boolean replaced() {
            return manifestPresent && !serviceActive;
        }

        /** One sentence for the node's log: what it is left with, and what the run about to start does about it. */
        public String describe() {
            String unit = LegacyService.unitName(component);
            String now = serviceActive && manifestPresent ? unit + " runs and its manifest is there"
                    : serviceActive ? unit + " still runs, no manifest yet"
                    : manifestPresent ? "runs as a static pod (" + unit + " stopped), not yet seen healthy"
                    : unit + " is stopped and there is no manifest: it runs in neither form";
            String next = replaced()
                    ? "this run finishes it: waits until it is healthy as its manifest's probe checks it, then removes what it replaced"
                    + " (its package once every component the package holds runs as a static pod, its unit files no package owns),"
                    + " or rolls it back to the service from that backup"
                    : "this run finishes it: converts it again from its service (writes its manifest, waits until it is healthy),"
                    + " or rolls it back to the service";
            return "a run stopped in the middle of converting " + component.key() + " (backup in " + backupDir + "): " + now + "; " + next;
        }
    }

    private UnfinishedConversions() {
    }

    /** Records, before its service is stopped, that the component's conversion is in flight. */
    public static void start(Remote remote, String backupDir, Component component) throws Exception {
        remote.write(NodeFile.text(PREFIX + component.key(), component.key() + " " + backupDir + "\n", NodeFile.PRIVATE));
    }

    /** The component is in one form again: forgets that its conversion was in flight. */
    public static void finish(Remote remote, Component component) throws Exception {
        remote.run("rm -f " + Sh.quote(PREFIX + component.key()));
    }

    /** Every conversion an earlier run left unfinished on the node, with the state of its component now. A query. */
    public static List<Unfinished> find(Remote remote) throws Exception {
        List<Unfinished> found = new ArrayList<>();
        for (String line : remote.query("cat " + PREFIX + "* 2>/dev/null").stdout()) {
            String[] fields = line.trim().split(" ", 2);
            Optional<Component> component = Arrays.stream(Component.values()).filter(c -> c.key().equals(fields[0])).findFirst();
            if (fields.length == 2 && component.isPresent()) {
                found.add(state(remote, fields[1], component.get()));
            }
        }
        return found;
    }

    /** The components of {@code unfinished} whose service a killed run replaced already (see {@link Unfinished#replaced}). */
    public static List<Component> replaced(List<Unfinished> unfinished) {
        return unfinished.stream().filter(Unfinished::replaced).map(Unfinished::component).toList();
    }

    private static Unfinished state(Remote remote, String backupDir, Component component) throws Exception {
        List<String> answer = remote.query("systemctl is-active " + Sh.quote(LegacyService.unitName(component)) + "; test -f "
                + Sh.quote(ComponentHealth.manifestPath(component)) + " && echo manifest").stdout().stream().map(String::strip).toList();
        return new Unfinished(backupDir, component, answer.contains("active"), answer.contains("manifest"));
    }
}
