package dev.mast.workflow.tasks;

import dev.mast.plan.Component;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Remote;
import dev.mast.workflow.Sh;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The component images a node needs, and pulling them through the node's container runtime. */
public final class Images {
    private Images() {
    }

    public static String of(Plan plan, Component component) {
        return "registry.k8s.io/" + component.key() + ":" + plan.version().tag();
    }

    public static String pause(Plan plan) {
        return "registry.k8s.io/pause:" + plan.version().pauseTag();
    }

    /** The pause image and the images of the components: what starting them as static pods needs. */
    public static List<String> forComponents(Plan plan, List<Component> components) {
        List<String> images = new ArrayList<>();
        images.add(pause(plan));
        components.forEach(c -> images.add(of(plan, c)));
        return images;
    }

    /** Every image the node's static pods need. */
    public static List<String> forNode(Plan plan, Node node) {
        return forComponents(plan, node.staticPods());
    }

    /**
     * The images the node's runtime does not have, asked in one round trip for all of them. The node names those it
     * has, so a node that says nothing has none.
     */
    public static List<String> missing(Remote remote, ContainerRuntime runtime, List<String> images) throws Exception {
        String inspect = runtime == ContainerRuntime.DOCKER ? "docker image inspect " : "crictl inspecti ";
        String script = images.stream().map(Sh::quote).map(image -> inspect + image + " >/dev/null 2>&1 && echo " + image)
                .collect(Collectors.joining("; "));
        Set<String> present = remote.query(script).stdout().stream().map(String::strip).collect(Collectors.toSet());
        return images.stream().filter(image -> !present.contains(image)).toList();
    }

    /** Pulls each image the node does not have yet. */
    public static void pull(NodeContext context, List<String> images) throws Exception {
        ContainerRuntime runtime = context.plan().runtime();
        Remote remote = context.remote();
        for (String image : missing(remote, runtime, images)) {
            context.cancellation().check();
            context.log("pulling " + image);
            remote.run((runtime == ContainerRuntime.DOCKER ? "docker pull " : "crictl pull ") + Sh.quote(image));
        }
    }

    public static boolean allPresent(NodeContext context, List<String> images) throws Exception {
        return missing(context.remote(), context.plan().runtime(), images).isEmpty();
    }
}
