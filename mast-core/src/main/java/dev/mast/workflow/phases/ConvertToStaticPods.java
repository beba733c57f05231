package dev.mast.workflow.phases;

import dev.mast.files.NodeFile;
import dev.mast.manifest.StaticPodManifest;
import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.cluster.ClusterAccess;
import dev.mast.workflow.tasks.ComponentHealth;
import dev.mast.workflow.tasks.Health;
import dev.mast.workflow.tasks.Packages;
import dev.mast.workflow.tasks.UnfinishedConversions;
import dev.mast.workflow.Failures;
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
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Moves components from systemd services to static pods on one node: stop and disable each
 * service and move its manifest (its own flags, its files mounted in place) into place as soon as
 * the service's port is closed, the node recording the conversion in flight meanwhile; wait until
 * it is healthy and its mirror pod Ready; then remove the packages whose every component now runs as a
 * static pod, and the unit files no package owns (the backup keeps them). If a component does not
 * become healthy, its manifest goes and the node's own units and files are put back from the
 * backup, byte for byte, and started again: every component, whatever fails on the way. A component
 * a killed run had replaced already (its manifest in place, its record left) is not converted again:
 * it is waited for, cleaned up after or rolled back from that run's backup like the others.
 */
public final class ConvertToStaticPods implements Step {
    /** The components a node runs as static pods now, across this run's conversion phases. */
    private static final NodeContext.Key<Converted> CONVERTED = new NodeContext.Key<>("converted", Converted.class);

    private record Converted(Set<Component> components) { }

    static final int ATTEMPTS = 3;
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

    /**
     * The components this phase moves on the node: those it runs as services, and kube-proxy on a node that had no kubelet;
     * not those an earlier run replaced already ({@code replacedBefore}), whose manifests stand.
     */
    private List<Component> toConvert(NodeContext context, List<UnfinishedConversions.Unfinished> replacedBefore) {
        LegacyNode facts = facts(context);
        return components(context.node()).stream()
                .filter(c -> facts.service(c).isPresent() || c == Component.KUBE_PROXY && !facts.hasKubelet())
                .filter(c -> replacedBefore.stream().noneMatch(u -> u.component() == c)).toList();
    }

    /** Done when none of its components runs as a service any more and each manifest is in place and healthy. */
    @Override
    public boolean isDone(NodeContext context) throws Exception {
        if (!leftInFlight(context).isEmpty()) {
            return false;
        }
        LegacyNode facts = facts(context);
        for (Component component : components(context.node())) {
            if (facts.service(component).isPresent()) {
                return false;
            }
        }
        for (Component component : toConvert(context, List.of())) {
            if (context.remote().probe("test -f " + Sh.quote(ComponentHealth.manifestPath(component))) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void run(NodeContext context) throws Exception {
        Remote remote = context.remote();
        List<UnfinishedConversions.Unfinished> replacedBefore = replacedBefore(context);
        LegacyNode facts = facts(context);
        List<StaticPodManifest> manifests = new ArrayList<>();
        for (Component component : toConvert(context, replacedBefore)) {
            ConversionManifests.Converted converted = ConversionManifests.render(context.plan(), context.node(), facts, component);
            converted.notes().forEach(context::log);
            manifests.add(converted.manifest());
        }
        for (StaticPodManifest manifest : manifests) {
            Optional<LegacyService> service = facts.service(manifest.component());
            if (service.isPresent()) {
                replaceService(context, service.get(), manifest);
            } else {
                remote.write(manifest.toNodeFile());
                context.log("wrote " + manifest.path());
            }
        }
        List<Component> changed = new ArrayList<>();
        List<String> mirrorPods = new ArrayList<>();
        for (StaticPodManifest manifest : manifests) {
            awaitHealthy(context, manifest.component(), manifest.pod());
            changed.add(manifest.component());
            mirrorPods.add(manifest.mirrorPodName());
        }
        for (UnfinishedConversions.Unfinished left : replacedBefore) {
            // A killed run put its manifest in place and stopped there: it is converted once it is healthy, as its own probe checks it.
            context.log(left.component().key() + " runs from the manifest a killed run put in place (backup in " + left.backupDir() + ")");
            awaitHealthy(context, left.component(), manifestOnNode(remote, left.component()));
            changed.add(left.component());
            mirrorPods.add(StaticPodManifest.mirrorPodName(left.component(), context.node().hostName()));
        }
        WaitForMirrorPods.await(context, cluster, timeouts, mirrorPods);
        Set<Component> converted = context.get(CONVERTED).map(Converted::components).orElse(EnumSet.noneOf(Component.class));
        converted.addAll(changed);
        context.put(CONVERTED, new Converted(converted));
        removeWhatWasConverted(context, facts, changed, converted);
        for (Component component : changed) {
            UnfinishedConversions.finish(remote, component);
        }
    }

    /**
     * Stops the service and puts its manifest in place as soon as the service's port is closed, in one command on the
     * node: a program that stops gracefully closes its port at once and then drains what is in flight (the real
     * kube-apiserver until systemd kills it, 10 to 90 s later), and the static pod need not wait for that, nor for a
     * round trip to Mast. The service is disabled before it is stopped, so that no reload of systemd's runs while
     * the static pod starts. The manifest is already on the node beside its place, and the node records first that
     * the conversion is in flight, for whatever a kill leaves half-done.
     */
    private void replaceService(NodeContext context, LegacyService service, StaticPodManifest manifest) throws Exception {
        Remote remote = context.remote();
        String unit = Sh.quote(service.unitName());
        NodeFile file = manifest.toNodeFile();
        String staged = context.backupDir() + "/staged/" + manifest.component().key() + ".yaml";
        UnfinishedConversions.start(remote, context.backupDir(), manifest.component());
        remote.write(new NodeFile(staged, file.content(), file.mode(), file.secret()));
        String folder = file.path().substring(0, file.path().lastIndexOf('/'));
        // The second stop returns once the first one has ended the old process, however it ends it.
        Health.replaceOnceClosed(context, timeouts, manifest.component().key(), probeUrl(readiness(manifest.pod())),
                "systemctl disable " + unit + " && systemctl stop --no-block " + unit,
                "mkdir -p " + Sh.quote(folder) + " && mv -f " + Sh.quote(staged) + " " + Sh.quote(file.path()) + " && systemctl stop " + unit);
        context.log("stopped and disabled " + service.unitName() + ", wrote " + file.path());
    }

    /** Packages whose every component now runs as a static pod, and unit files of converted services that no package owns. */
    private static void removeWhatWasConverted(NodeContext context, LegacyNode facts, List<Component> changed,
                                               Set<Component> converted) throws Exception {
        Remote remote = context.remote();
        for (Map.Entry<String, Set<Component>> pkg : PackageRemoval.removable(facts, converted).entrySet()) {
            if (Collections.disjoint(pkg.getValue(), changed)) {
                continue; // an earlier phase of this run removed it, with the last of its components
            }
            Packages.purge(remote, pkg.getKey());
            context.log("removed package " + pkg.getKey() + ": every component it held runs as a static pod now ("
                    + String.join(", ", pkg.getValue().stream().map(Component::key).toList()) + ")");
        }
        for (Component component : changed) {
            List<String> unowned = PackageRemoval.unownedUnitFiles(facts, component);
            if (!unowned.isEmpty()) {
                remote.run("rm -f " + Sh.words(unowned) + " && systemctl daemon-reload");
                context.log("removed " + String.join(", ", unowned) + ", owned by no package (kept in " + context.backupDir() + ")");
            }
            Optional<LegacyService> service = facts.service(component);
            // A program whose package a killed run removed already is gone, not kept.
            if (service.isPresent() && facts.owner(service.get().program()).isEmpty()
                    && remote.probe("test -e " + Sh.quote(service.get().program())) == 0) {
                context.log(service.get().program() + " belongs to no package and stays where it is");
            }
        }
    }

    /**
     * Puts every component back as its service, with its files from the backup byte for byte, whatever fails on the
     * way: each action is tried a few times, a component that cannot be restored does not keep the others from it, and
     * each one's state is reported.
     *
     * @return each component's state
     * @throws RollbackIncompleteException naming each component's state, when one of them could not be restored
     */
    @Override
    public String rollBack(NodeContext context) throws Exception {
        LegacyNode facts = facts(context);
        List<UnfinishedConversions.Unfinished> replacedBefore = replacedBefore(context);
        Map<Component, String> backups = new LinkedHashMap<>();
        toConvert(context, replacedBefore).forEach(component -> backups.put(component, context.backupDir()));
        replacedBefore.forEach(left -> backups.put(left.component(), left.backupDir()));
        List<String> states = new ArrayList<>();
        boolean complete = true;
        for (Map.Entry<Component, String> entry : backups.entrySet()) {
            Component component = entry.getKey();
            Optional<LegacyService> service = facts.service(component);
            if (service.isEmpty() && !entry.getValue().equals(context.backupDir())) {
                // Its unit went with the killed run's clean-up: taking its manifest away would leave it in neither form.
                complete = false;
                states.add(component.key() + ": NOT restored (its unit is no longer on the node; its backup is in " + entry.getValue()
                        + "), it stays a static pod");
                continue;
            }
            try {
                restore(context, component, service, entry.getValue());
                service.ifPresent(s -> states.add(component.key() + ": " + s.unitName() + " runs again"));
            } catch (Exception e) {
                complete = false;
                states.add(component.key() + ": NOT restored (" + Failures.describe(e) + ")");
                context.error("rollback of " + component.key() + " failed: " + Failures.describe(e));
            }
        }
        String report = String.join("; ", states);
        if (!complete) {
            throw new RollbackIncompleteException(report);
        }
        return report;
    }

    /** Puts the component back as its service, with its files from {@code backupDir}. */
    private void restore(NodeContext context, Component component, Optional<LegacyService> service, String backupDir) throws Exception {
        Remote remote = context.remote();
        String manifest = Sh.quote(ComponentHealth.manifestPath(component));
        attempt(context, "remove " + manifest, () -> remote.run("rm -f " + manifest));
        if (service.isPresent()) {
            attempt(context, "stop the static pod of " + component.key(), () -> stopStaticPod(remote, component, context.node().hostName()));
            for (String file : service.get().files()) {
                String backup = Sh.quote(backupDir + file);
                attempt(context, "restore " + file, () -> remote.run("test ! -e " + backup + " || cp -a " + backup + " " + Sh.quote(file)));
            }
            String name = Sh.quote(service.get().unitName());
            attempt(context, "start " + name, () -> remote.run("systemctl daemon-reload && systemctl enable " + name + " && systemctl start " + name));
            context.warn("rolled back: removed " + ComponentHealth.manifestPath(component) + ", put back " + service.get().unitName()
                    + " with its files from " + backupDir + " and started it again");
        }
        UnfinishedConversions.finish(remote, component);
    }

    /** Runs one rollback action, again after a pause if it fails, at most {@value #ATTEMPTS} times. */
    private void attempt(NodeContext context, String what, Remote.Action action) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                action.run();
                return;
            } catch (Exception e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                context.warn("rollback: " + what + " failed (" + Failures.describe(e) + "), trying again");
                Thread.sleep(timeouts.poll().toMillis());
            }
        }
    }

    /**
     * Stops the component's static pod through the runtime, which returns once its containers have
     * stopped, so the service finds its port free. The kubelet stops a pod whose manifest is gone
     * only once it has heard from the API server since it started; the kubelet of a master that
     * reaches only its own API server, the one that did not come up, never does. With the manifest
     * gone, the kubelet does not start the pod again.
     */
    private static void stopStaticPod(Remote remote, Component component, String nodeName) throws Exception {
        List<String> pods = staticPodSandboxes(remote, component, nodeName);
        if (pods.isEmpty()) {
            return;
        }
        try {
            remote.run("crictl stopp " + Sh.words(pods));
        } catch (Exception e) {
            // The kubelet may remove a crash-looping pod's sandbox between the listing and the stop: one gone is stopped.
            List<String> left = staticPodSandboxes(remote, component, nodeName).stream().filter(pods::contains).toList();
            if (left.size() == pods.size()) {
                throw e;
            }
            if (!left.isEmpty()) {
                remote.run("crictl stopp " + Sh.words(left));
            }
        }
    }

    /** The sandboxes of the component's static pod on the node, stopped ones included. */
    private static List<String> staticPodSandboxes(Remote remote, Component component, String nodeName) throws Exception {
        return remote.run("crictl pods -q --name " + Sh.quote("^" + component.key() + "-" + nodeName + "$"))
                .stream().map(String::strip).filter(id -> !id.isEmpty()).toList();
    }

    /**
     * Waits until the component answers where its pod's own readiness probe looks: the one check of a component, whether
     * this run wrote its manifest or a killed run did. An API server probed on its TCP port alone refuses anonymous requests.
     */
    private void awaitHealthy(NodeContext context, Component component, Pod pod) throws Exception {
        Probe readiness = readiness(pod);
        String key = component.key();
        if (readiness == null) {
            Health.await(context, timeouts, key, ComponentHealth.url(context.plan(), component));
        } else if (readiness.getHttpGet() != null) {
            Health.await(context, timeouts, key, probeUrl(readiness));
        } else {
            Health.awaitRefusingAnonymous(context, timeouts, key, probeUrl(readiness));
        }
    }

    /** Where a readiness probe looks: the address and port of the component's own flags. */
    private static String probeUrl(Probe readiness) {
        if (readiness.getHttpGet() != null) {
            HTTPGetAction get = readiness.getHttpGet();
            return get.getScheme().toLowerCase(Locale.ROOT) + "://" + get.getHost() + ":" + get.getPort().getIntVal() + get.getPath();
        }
        TCPSocketAction tcp = readiness.getTcpSocket();
        return "https://" + tcp.getHost() + ":" + tcp.getPort().getIntVal() + "/readyz";
    }

    private static Probe readiness(Pod pod) {
        return pod.getSpec().getContainers().get(0).getReadinessProbe();
    }

    /** The pod a manifest on the node runs. */
    private static Pod manifestOnNode(Remote remote, Component component) throws Exception {
        String path = ComponentHealth.manifestPath(component);
        byte[] text = remote.read(path).orElseThrow(() -> new IllegalStateException(path + " is gone"));
        return Serialization.unmarshal(new String(text, StandardCharsets.UTF_8), Pod.class);
    }

    /** This phase's components whose conversion an earlier run left in flight on the node. A query. */
    private List<UnfinishedConversions.Unfinished> leftInFlight(NodeContext context) throws Exception {
        return UnfinishedConversions.find(context.remote()).stream().filter(u -> components.contains(u.component())).toList();
    }

    /** Those of them an earlier run replaced already: their manifests stand, their health and clean-up are left. A query. */
    private List<UnfinishedConversions.Unfinished> replacedBefore(NodeContext context) throws Exception {
        return leftInFlight(context).stream().filter(UnfinishedConversions.Unfinished::replaced)
                .filter(u -> !u.backupDir().equals(context.backupDir())).toList();
    }

    private static LegacyNode facts(NodeContext context) {
        return context.get(ClusterSurvey.NODE).orElseThrow(() -> new IllegalStateException(
                "the node was not read: the conversion runs after the read phase"));
    }

    /** Some components could not be put back as services; the message names each one's state. */
    public static final class RollbackIncompleteException extends Exception {
        public RollbackIncompleteException(String states) {
            super(states);
        }
    }

}
