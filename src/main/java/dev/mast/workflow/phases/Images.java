package dev.mast.workflow.phases;

import dev.mast.plan.Component;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.Plan;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Remote;
import dev.mast.workflow.Sh;
import java.util.List;

/** The component images a node needs, and pulling them through the node's container runtime. */
final class Images {
    private Images() {
    }

    static String of(Plan plan, Component component) {
        return "registry.k8s.io/" + component.key() + ":" + plan.version().tag();
    }

    static String pause(Plan plan) {
        return "registry.k8s.io/pause:" + plan.version().pauseTag();
    }

    static boolean isPresent(Remote remote, ContainerRuntime runtime, String image) throws Exception {
        if (runtime == ContainerRuntime.DOCKER) {
            return !remote.exec("docker images -q " + Sh.quote(image)).stdout().stream().allMatch(String::isBlank);
        }
        return remote.probe("crictl inspecti " + Sh.quote(image) + " >/dev/null 2>&1") == 0;
    }

    /** Pulls each image the node does not have yet. */
    static void pull(NodeContext context, List<String> images) throws Exception {
        ContainerRuntime runtime = context.plan().runtime();
        Remote remote = context.remote();
        for (String image : images) {
            context.cancellation().check();
            if (!isPresent(remote, runtime, image)) {
                context.log("pulling " + image);
                remote.run((runtime == ContainerRuntime.DOCKER ? "docker pull " : "crictl pull ") + Sh.quote(image));
            }
        }
    }

    static boolean allPresent(NodeContext context, List<String> images) throws Exception {
        for (String image : images) {
            if (!isPresent(context.remote(), context.plan().runtime(), image)) {
                return false;
            }
        }
        return true;
    }
}
