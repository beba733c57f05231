package dev.mast.workflow.phases;

import dev.mast.manifest.RuntimeFiles;
import dev.mast.plan.Component;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.Plan;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Remote;
import dev.mast.workflow.Sh;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The component images a node needs, and pulling them through the node's container runtime. */
final class Images {
    private static final String MARK = "::mast-image:: ";

    private Images() {
    }

    static String of(Plan plan, Component component) {
        return "registry.k8s.io/" + component.key() + ":" + plan.version().tag();
    }

    /** The sandbox image, which the runtime's configuration names (so the runtime never fetches another). */
    static String pause(Plan plan) {
        return RuntimeFiles.pauseImage(plan);
    }

    /** The images the node's runtime does not have, asked in one round trip for all of them. */
    static List<String> missing(Remote remote, ContainerRuntime runtime, List<String> images) throws Exception {
        if (runtime == ContainerRuntime.DOCKER) {
            // docker images -q prints the image's ID, or nothing when it is missing: a line naming each image goes first.
            String script = images.stream().map(image -> "echo " + Sh.quote(MARK + image) + "; docker images -q " + Sh.quote(image))
                    .collect(Collectors.joining("; "));
            List<String> lines = remote.exec(script).stdout().stream().filter(line -> !line.isBlank()).toList();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(MARK) && (i + 1 == lines.size() || lines.get(i + 1).startsWith(MARK))) {
                    missing.add(lines.get(i).substring(MARK.length()));
                }
            }
            return missing;
        }
        String script = images.stream().map(Sh::quote).map(image -> "crictl inspecti " + image + " >/dev/null 2>&1 || echo " + image)
                .collect(Collectors.joining("; "));
        return remote.exec(script).stdout().stream().map(String::strip).filter(images::contains).toList();
    }

    /** Pulls each image the node does not have yet. */
    static void pull(NodeContext context, List<String> images) throws Exception {
        ContainerRuntime runtime = context.plan().runtime();
        Remote remote = context.remote();
        for (String image : missing(remote, runtime, images)) {
            context.cancellation().check();
            context.log("pulling " + image);
            remote.run((runtime == ContainerRuntime.DOCKER ? "docker pull " : "crictl pull ") + Sh.quote(image));
        }
    }

    static boolean allPresent(NodeContext context, List<String> images) throws Exception {
        return missing(context.remote(), context.plan().runtime(), images).isEmpty();
    }
}
