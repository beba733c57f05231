package dev.mast.sim.machine;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated kubelet. While a kubelet process runs, each tick it reads the static pod
 * manifests, starts the pods that are new, restarts those whose manifest changed (a new
 * hash, a new pod), stops those whose manifest is gone, and keeps restarting crashed
 * containers; then it publishes mirror pods and its Node to the API when one is up. Pods keep
 * running while the kubelet is stopped, as containers outlive the real kubelet.
 */
public final class Kubelet {
    private final Machine machine;
    private final ManifestReader reader;
    private final Map<String, StaticPod> pods = new LinkedHashMap<>();
    private final MirrorSync mirrors = new MirrorSync();
    private final Map<String, Pod> mirrorPods = new LinkedHashMap<>();
    private final Map<String, String> signatures = new LinkedHashMap<>();
    private volatile Process process;
    private KubeletSettings settings;
    private Node node;
    private boolean runtimeDownLogged;
    /** What the API server last said to the kubelet's credentials, logged once per change. */
    private volatile String lastRejection = "";

    Kubelet(Machine machine) {
        this.machine = machine;
        this.reader = new ManifestReader(machine);
    }

    void tick(Instant now) {
        Optional<Process> running = machine.processes().firstRunning(ComponentKind.KUBELET);
        if (running.isEmpty()) {
            process = null;
            return;
        }
        if (running.get() != process) {
            process = running.get();
            settings = KubeletSettings.read(machine, process);
            reader.reset();
            runtimeDownLogged = false;
            node = null;
        }
        Containers runtime = machine.containers(settings.runtime());
        if (!settings.runtime().isUp(machine)) {
            if (!runtimeDownLogged) {
                log(now, 'E', "kubelet.go:2947", "\"Container runtime network not ready\" networkReady=\"NetworkReady=false\""
                        + " err=\"container runtime is down: " + settings.runtime().endpoint() + " is not answering\"");
                runtimeDownLogged = true;
            }
            return;
        }
        runtimeDownLogged = false;
        reconcile(settings.staticPodPath().isEmpty() ? Map.of() : reader.read(settings.staticPodPath(), now), now);
        boolean changed = node == null || !signatures.keySet().equals(mirrorKeys());
        Map<String, String> seen = new LinkedHashMap<>();
        for (StaticPod pod : pods.values()) {
            pod.sync(machine, runtime, now, process);
            String key = pod.namespace() + "/" + pod.fullName();
            String signature = pod.signature();
            seen.put(key, signature);
            if (!signature.equals(signatures.get(key))) {
                mirrorPods.put(key, MirrorPods.build(pod, machine.identity().address()));
                changed = true;
            }
        }
        mirrorPods.keySet().retainAll(seen.keySet());
        signatures.clear();
        signatures.putAll(seen);
        if (changed) {
            node = node == null ? node() : node;
            mirrors.setDesired(mirrorPods, seen, node);
        }
    }

    private java.util.Set<String> mirrorKeys() {
        java.util.Set<String> keys = new java.util.HashSet<>();
        pods.values().forEach(p -> keys.add(p.namespace() + "/" + p.fullName()));
        return keys;
    }

    private void reconcile(Map<String, Manifest> manifests, Instant now) {
        Map<String, Manifest> byPod = new LinkedHashMap<>();
        manifests.values().forEach(m -> byPod.put(m.pod().getMetadata().getName(), m));
        for (String name : List.copyOf(pods.keySet())) {
            StaticPod pod = pods.get(name);
            Manifest manifest = byPod.get(name);
            if (manifest == null || !manifest.hash().equals(pod.manifest.hash())) {
                log(now, 'I', "kubelet.go:2430", "\"SyncLoop REMOVE\" source=\"file\" pods=[\"" + pod.namespace() + "/" + pod.fullName() + "\"]");
                log(now, 'I', "kuberuntime_container.go:809", "\"Killing container with a grace period\" pod=\""
                        + pod.namespace() + "/" + pod.fullName() + "\" gracePeriod=30");
                pod.kill();
                pods.remove(name);
            }
        }
        for (Map.Entry<String, Manifest> entry : byPod.entrySet()) {
            if (!pods.containsKey(entry.getKey())) {
                StaticPod pod = new StaticPod(entry.getValue(), machine.identity().hostName(), now);
                pods.put(entry.getKey(), pod);
                log(now, 'I', "kubelet.go:2419", "\"SyncLoop ADD\" source=\"file\" pods=[\"" + pod.namespace() + "/" + pod.fullName() + "\"]");
            }
        }
    }

    private Node node() {
        String name = machine.identity().hostName();
        return new NodeBuilder()
                .withNewMetadata().withName(name)
                    .addToLabels("kubernetes.io/hostname", name)
                    .addToLabels("kubernetes.io/os", "linux")
                    .addToLabels("kubernetes.io/arch", "amd64")
                .endMetadata()
                .withNewStatus()
                    .addNewAddress().withType("InternalIP").withAddress(machine.identity().address()).endAddress()
                    .addNewAddress().withType("Hostname").withAddress(name).endAddress()
                    .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
                        .withMessage("kubelet is posting ready status").endCondition()
                    .withNewNodeInfo()
                        .withKubeletVersion(process.version())
                        .withContainerRuntimeVersion(settings.runtime().idPrefix() + "://" + runtimeVersion())
                        .withOsImage(machine.identity().os().prettyName())
                        .withKernelVersion(machine.identity().os().kernelRelease())
                        .withOperatingSystem("linux").withArchitecture("amd64")
                    .endNodeInfo()
                .endStatus()
                .build();
    }

    private String runtimeVersion() {
        ComponentKind kind = settings.runtime() == RuntimeBackend.CONTAINERD ? ComponentKind.CONTAINERD : ComponentKind.DOCKERD;
        return machine.processes().firstRunning(kind).map(Process::version).orElse("unknown");
    }

    private void log(Instant now, char severity, String source, String message) {
        process.write(now, LogFormat.klog(severity, now, process.pid(), source, message));
    }

    /** Talks to the API (outside the machine lock): mirror pods and the Node. */
    void syncApi() {
        Process current = process;
        if (current == null) {
            return;
        }
        Optional<String> rejected = current.healthProblem();
        if (rejected.isPresent()) {
            if (!rejected.get().equals(lastRejection)) {
                Instant now = machine.clock().now();
                current.write(now, LogFormat.klog('E', now, current.pid(), "kubelet_node_status.go:96",
                        "\"Unable to register node with API server\" err=\"" + rejected.get().replace("\"", "'") + "\""));
                lastRejection = rejected.get();
            }
            return;
        }
        lastRejection = "";
        mirrors.sync(() -> machine.cluster().api(), message -> {
            if (current != null) {
                Instant now = machine.clock().now();
                current.write(now, LogFormat.klog('E', now, current.pid(), "kubelet.go:1915", message));
            }
        });
    }

    /** Whether a kubelet process runs, so the node can run the pods the cluster schedules on it. */
    public boolean running() {
        return process != null;
    }

    /** Names ({@code namespace/name}) of the static pods the kubelet runs now. */
    public List<String> podNames() {
        synchronized (machine.lock()) {
            return pods.values().stream().map(p -> p.namespace() + "/" + p.fullName()).toList();
        }
    }
}
