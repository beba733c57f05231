package dev.mast.workflow.tasks;

import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.files.NodeFile;
import java.util.List;
import java.util.Map;

/** Renders a node's static pod manifests with flags carried over from its old systemd units. */
@FunctionalInterface
public interface StaticPodRenderer {
    List<NodeFile> manifests(Plan plan, Node node, Map<Component, Map<String, String>> carriedFlags);
}
