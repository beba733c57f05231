package dev.mast.workflow.phases;

import dev.mast.manifest.StaticPodManifest;
import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.cluster.ClusterAccess;
import dev.mast.workflow.tasks.ComponentHealth;
import dev.mast.workflow.tasks.Health;
import dev.mast.workflow.tasks.Packages;
import dev.mast.workflow.tasks.Systemd;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.Remote;
import dev.mast.workflow.Sh;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.legacy.ClusterSurvey;
import dev.mast.workflow.legacy.ConversionManifests;
import dev.mast.workflow.legacy.LegacyNode;
import dev.mast.workflow.legacy.LegacyService;
import dev.mast.workflow.legacy.PackageRemoval;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Moves components from systemd services to static pods on one node: stop and disable each
 * service, write its manifest (its own flags, its files mounted in place), wait until it is
 * healthy and its mirror pod Ready; then remove the packages whose every component now runs as a
 * static pod, and the unit files no package owns (the backup keeps them). If a component does not
 * become healthy, its manifest goes and the node's own units and files are put back from the
 * backup, byte for byte, and started again.
 */
public final class ConvertToStaticPods implements Step {
    /** The components a node runs as static pods now, across this run's conversion phases. */
    private static final NodeContext.Key<Converted> CONVERTED = new NodeContext.Key<>("converted", Converted.class);

    private record Converted(Set<Component> components) { }

    private final List<Component> components;
    private final ClusterAccess cluster;
    private final Timeouts timeouts;

    /** @param components those of the node's static pods this step moves, in order */
    public ConvertToStaticPods(List<Component> components, ClusterAccess cluster, Timeouts timeouts) {
        this.components = List.copyOf(components);
        this.cluster = cluster;
        this.timeouts = timeouts;
    }

    /** This step's components that the node runs as static pods once converted. */
    private List<Component> components(Node node) {
        return components.stream().filter(node.staticPods()::contains).toList();
    }

    @Override
    public boolean canRollBack() {
        return true;
    }

    /** The components this phase moves on the node: those it runs as services, and kube-proxy on a node that had no kubelet. */
    private List<Component> toConvert(NodeContext context) {
        LegacyNode facts = facts(context);
        return components(context.node()).stream()
                .filter(c -> facts.service(c).isPresent() || c == Component.KUBE_PROXY && !facts.hasKubelet()).toList();
    }

    /** Done when none of its components runs as a service any more and each manifest is in place and healthy. */
    @Override
    public boolean isDone(NodeContext context) throws Exception {
        LegacyNode facts = facts(context);
        for (Component component : components(context.node())) {
            if (facts.service(component).isPresent()) {
                return false;
            }
        }
        for (Component component : toConvert(context)) {
            if (context.remote().probe("test -f " + Sh.quote(ComponentHealth.manifestPath(component))) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void run(NodeContext context) throws Exception {
        Remote remote = context.remote();
        LegacyNode facts = facts(context);
        List<StaticPodManifest> manifests = new ArrayList<>();
        for (Component component : toConvert(context)) {
            ConversionManifests.Converted converted = ConversionManifests.render(context.plan(), context.node(), facts, component);
            converted.notes().forEach(context::log);
            manifests.add(converted.manifest());
        }
        for (StaticPodManifest manifest : manifests) {
            facts.service(manifest.component()).ifPresent(service -> stop(context, service));
        }
        for (StaticPodManifest manifest : manifests) {
            remote.write(manifest.toNodeFile());
            context.log("wrote " + manifest.path());
        }
        for (StaticPodManifest manifest : manifests) {
            awaitHealthy(context, manifest);
        }
        WaitForMirrorPods.await(context, cluster, timeouts, manifests.stream().map(StaticPodManifest::mirrorPodName).toList());
        Set<Component> converted = context.get(CONVERTED).map(Converted::components).orElse(EnumSet.noneOf(Component.class));
        manifests.forEach(m -> converted.add(m.component()));
        context.put(CONVERTED, new Converted(converted));
        removeWhatWasConverted(context, facts, manifests, converted);
    }

    private static void stop(NodeContext context, LegacyService service) {
        try {
            Systemd.stopAndDisable(context.remote(), service.unitName());
            context.log("stopped and disabled " + service.unitName());
        } catch (Exception e) {
            throw new IllegalStateException("could not stop " + service.unitName() + ": " + e.getMessage(), e);
        }
    }

    /** Packages whose every component now runs as a static pod, and unit files of converted services that no package owns. */
    private static void removeWhatWasConverted(NodeContext context, LegacyNode facts, List<StaticPodManifest> manifests,
                                               Set<Component> converted) throws Exception {
        Remote remote = context.remote();
        for (Map.Entry<String, Set<Component>> pkg : PackageRemoval.removable(facts, converted).entrySet()) {
            Packages.purge(remote, pkg.getKey());
            context.log("removed package " + pkg.getKey() + ": every component it held runs as a static pod now ("
                    + String.join(", ", pkg.getValue().stream().map(Component::key).toList()) + ")");
        }
        for (StaticPodManifest manifest : manifests) {
            List<String> unowned = PackageRemoval.unownedUnitFiles(facts, manifest.component());
            if (!unowned.isEmpty()) {
                remote.run("rm -f " + Sh.words(unowned) + " && systemctl daemon-reload");
                context.log("removed " + String.join(", ", unowned) + ", owned by no package (kept in " + context.backupDir() + ")");
            }
            facts.service(manifest.component()).filter(s -> facts.owner(s.program()).isEmpty())
                    .ifPresent(s -> context.log(s.program() + " belongs to no package and stays where it is"));
        }
    }

    @Override
    public void rollBack(NodeContext context) throws Exception {
        Remote remote = context.remote();
        LegacyNode facts = facts(context);
        List<String> restarted = new ArrayList<>();
        for (Component component : toConvert(context)) {
            remote.run("rm -f " + Sh.quote(ComponentHealth.manifestPath(component)));
            var service = facts.service(component);
            if (service.isEmpty()) {
                continue;
            }
            for (String file : service.get().files()) {
                String backup = context.backupDir() + file;
                remote.run("test ! -e " + Sh.quote(backup) + " || cp -a " + Sh.quote(backup) + " " + Sh.quote(file));
            }
            restarted.add(service.get().unitName());
        }
        if (!restarted.isEmpty()) {
            remote.run("systemctl daemon-reload && systemctl enable " + Sh.words(restarted) + " && systemctl start " + Sh.words(restarted));
            context.warn("rolled back: removed the manifests, put back " + String.join(", ", restarted)
                    + " with their files from " + context.backupDir() + " and started them again");
        }
    }

    /** Where the pod's own readiness probe looks; an API server probed on its TCP port alone refuses anonymous requests. */
    private void awaitHealthy(NodeContext context, StaticPodManifest manifest) throws Exception {
        Probe readiness = manifest.pod().getSpec().getContainers().get(0).getReadinessProbe();
        String component = manifest.component().key();
        if (readiness.getHttpGet() != null) {
            HTTPGetAction get = readiness.getHttpGet();
            Health.await(context, timeouts, component, get.getScheme().toLowerCase(Locale.ROOT) + "://" + get.getHost() + ":"
                    + get.getPort().getIntVal() + get.getPath());
        } else {
            TCPSocketAction tcp = readiness.getTcpSocket();
            Health.awaitRefusingAnonymous(context, timeouts, component, "https://" + tcp.getHost() + ":" + tcp.getPort().getIntVal()
                    + "/readyz");
        }
    }

    private static LegacyNode facts(NodeContext context) {
        return context.get(ClusterSurvey.NODE).orElseThrow(() -> new IllegalStateException(
                "the node was not read: the conversion runs after the read phase"));
    }

}
