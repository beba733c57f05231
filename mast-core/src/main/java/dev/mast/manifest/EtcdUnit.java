package dev.mast.manifest;

import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.files.NodeFile;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The etcd member on an etcd node, a systemd service (Mast never moves etcd into a pod). Clients
 * and peers both need certificates signed by the etcd CA; the member listens on the node's
 * internal address and on loopback, and serves metrics on loopback over plain HTTP.
 */
public final class EtcdUnit {
    private EtcdUnit() {
    }

    /** The unit for the node, or empty if the node is not an etcd member. */
    public static Optional<NodeFile> forNode(Plan plan, Node node, Map<String, String> carriedFlags) {
        if (!node.has(Role.ETCD)) {
            return Optional.empty();
        }
        return Optional.of(NodeFile.text(KubePaths.ETCD_UNIT, unit(plan, node, carriedFlags), NodeFile.PUBLIC));
    }

    /**
     * {@code Type=notify}: etcd tells systemd when it is serving, so units ordered after it start
     * only then; no start timeout, because the first member waits for a quorum of its peers.
     */
    public static String unit(Plan plan, Node node, Map<String, String> carriedFlags) {
        var flags = Flags.merge(Component.ETCD, ComponentFlags.etcd(plan, node), Set.of(),
                plan.extraFlags(Component.ETCD), carriedFlags);
        return """
                # Written by Mast.
                [Unit]
                Description=etcd: the key-value store of the Kubernetes cluster
                Documentation=https://etcd.io/docs/
                Wants=network-online.target
                After=network-online.target

                [Service]
                Type=notify
                %sRestart=always
                RestartSec=5
                TimeoutStartSec=0
                LimitNOFILE=65536

                [Install]
                WantedBy=multi-user.target
                """.formatted(SystemdExec.execStart(KubePaths.ETCD_BINARY, flags.arguments()));
    }
}
