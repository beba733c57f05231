package dev.mast.workflow.phases;

import dev.mast.plan.Component;
import dev.mast.manifest.StaticPodManifests;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Phase;
import java.util.ArrayList;
import java.util.List;

/**
 * Pulls every image the node's static pods need, up front: on an upgrade before anything is stopped, to keep
 * downtime short; on an install on all nodes at once, so workers pull while the masters do, not after them.
 */
public final class PullImages implements Phase {
    private final String id;

    /** The upgrade's phase. */
    public PullImages() {
        this("upgrade/pull-images");
    }

    public PullImages(String id) {
        this.id = id;
    }

    static List<String> images(Plan plan, Node node) {
        List<String> images = new ArrayList<>();
        images.add(Images.pause(plan));
        for (Component component : LegacyUnits.staticPodComponents(node)) {
            images.add(Images.of(plan, component));
        }
        return images;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return "Pull the images";
    }

    /** Pulling needs only the node's own runtime. */
    @Override
    public boolean waitsForAllNodes() {
        return false;
    }

    @Override
    public boolean appliesTo(Plan plan, Node node) {
        return StaticPodManifests.isKubernetesNode(node);
    }

    @Override
    public boolean isDone(NodeContext context) throws Exception {
        return Images.allPresent(context, images(context.plan(), context.node()));
    }

    @Override
    public void run(NodeContext context) throws Exception {
        Images.pull(context, images(context.plan(), context.node()));
    }

    @Override
    public List<String> describe(Plan plan, Node node) {
        return List.of("pull " + String.join(", ", images(plan, node)));
    }
}
