package dev.mast.manifest;

import dev.mast.pki.PkiPaths;
import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.files.NodeFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The kubelet's files on a node: its {@code KubeletConfiguration}, which points {@code staticPodPath}
 * at the manifests folder, its systemd unit, and a drop-in holding the per-node flags (the few that
 * have no configuration field, plus the plan's extra kubelet flags).
 */
public final class KubeletFiles {
    static final String API_VERSION = "kubelet.config.k8s.io/v1beta1";

    private KubeletFiles() {
    }

    /** The three files, sorted by path. */
    public static List<NodeFile> forNode(Plan plan, Node node, Map<String, String> carriedFlags) {
        return List.of(
                NodeFile.text(KubePaths.KUBELET_UNIT, unit(plan), NodeFile.PUBLIC),
                NodeFile.text(KubePaths.KUBELET_DROP_IN, dropIn(plan, node, carriedFlags), NodeFile.PUBLIC),
                NodeFile.text(KubePaths.KUBELET_CONFIG, config(plan), NodeFile.PUBLIC));
    }

    /**
     * {@code /var/lib/kubelet/config.yaml}. Only fields that differ from the kubelet's defaults or
     * that Mast relies on are written; the order is fixed so the file is byte-stable.
     */
    public static String config(Plan plan) {
        var c = new LinkedHashMap<String, Object>();
        c.put("apiVersion", API_VERSION);
        c.put("kind", "KubeletConfiguration");
        c.put("authentication", ordered(
                "anonymous", ordered("enabled", false),
                "webhook", ordered("enabled", true),
                "x509", ordered("clientCAFile", PkiPaths.CA_CERT)));
        c.put("authorization", ordered("mode", "Webhook"));
        c.put("cgroupDriver", "systemd");
        c.put("clusterDNS", List.of(plan.clusterDnsIp()));
        c.put("clusterDomain", plan.dnsDomain());
        c.put("containerRuntimeEndpoint", plan.runtime().criSocket());
        c.put("healthzBindAddress", "127.0.0.1");
        c.put("healthzPort", KubePorts.KUBELET_HEALTHZ);
        c.put("rotateCertificates", true);
        c.put("staticPodPath", KubePaths.MANIFESTS_DIR);
        return yaml().dump(c);
    }

    /** kubeadm's {@code kubelet.service} for the packages' kubelet. */
    public static String unit() {
        return unit(KubePaths.KUBELET_BINARY);
    }

    /**
     * kubeadm's {@code kubelet.service}, running the kubelet where the plan's source puts it: the flags live in the
     * drop-in, so this file is the same on every node.
     */
    public static String unit(Plan plan) {
        return unit(KubePaths.binary(plan, "kubelet"));
    }

    private static String unit(String binary) {
        return """
                [Unit]
                Description=kubelet: The Kubernetes Node Agent
                Documentation=https://kubernetes.io/docs/
                Wants=network-online.target
                After=network-online.target

                [Service]
                ExecStart=%s
                Restart=always
                StartLimitInterval=0
                RestartSec=10

                [Install]
                WantedBy=multi-user.target
                """.formatted(binary);
    }

    /**
     * The drop-in that starts the kubelet with this node's flags. The empty {@code ExecStart=}
     * clears any command set before it, the unit's own or a kubeadm package's drop-in.
     */
    public static String dropIn(Plan plan, Node node, Map<String, String> carriedFlags) {
        var flags = Flags.merge(Component.KUBELET, ComponentFlags.kubelet(node), dev.mast.plan.ManagedFlags.of(Component.KUBELET),
                plan.extraFlags(Component.KUBELET), carriedFlags);
        return "# Written by Mast. The kubelet's settings are in " + KubePaths.KUBELET_CONFIG + ".\n"
                + "[Service]\n"
                + "ExecStart=\n"
                + SystemdExec.execStart(KubePaths.binary(plan, "kubelet"), flags.arguments());
    }

    /** A map that keeps the order given; {@code Map.of} iterates in an order that changes between runs. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Yaml yaml() {
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        // Never fold a long value onto a second line.
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options);
    }
}
