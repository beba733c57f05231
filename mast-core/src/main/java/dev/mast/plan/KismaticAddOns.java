package dev.mast.plan;

import java.util.Optional;

/**
 * Kismatic's cluster DNS and pod network as the plan's {@link ClusterDns} and {@link PodNetwork},
 * saying what each command will do with them. Kismatic put its DNS service at the service CIDR's
 * second address (kubeadm and Mast use the tenth): the plan keeps Kismatic's, or the address an
 * explicit kubelet {@code cluster-dns} override gave, so the kubelets keep sending pods where a
 * DNS server answers. Kismatic's pod network (Calico, Weave, Contiv) is not one Mast applies, so
 * the plan applies none and an upgrade leaves the running one alone.
 */
final class KismaticAddOns {
    /** Kismatic's kube-dns service: {@code getDNSServiceIP} took the second address of the service CIDR. */
    static final int KISMATIC_DNS_ADDRESS = 2;

    private final KismaticTree tree;

    private KismaticAddOns(KismaticTree tree) {
        this.tree = tree;
    }

    static ClusterDns clusterDns(KismaticTree tree, String serviceCidr, Optional<String> kubeletClusterDns) {
        return new KismaticAddOns(tree).clusterDns(serviceCidr, kubeletClusterDns);
    }

    static PodNetwork podNetwork(KismaticTree tree) {
        return new KismaticAddOns(tree).podNetwork();
    }

    private ClusterDns clusterDns(String serviceCidr, Optional<String> override) {
        tree.use("add_ons.dns");
        boolean deployed = !tree.text("add_ons.dns.disable").orElse("false").equals("true");
        String server = tree.text("add_ons.dns.provider").orElse("kubedns").equals("coredns") ? "CoreDNS" : "kube-dns";
        int replicas = replicas();
        String ip;
        String where;
        if (override.isPresent()) {
            where = "cluster.kubelet.option_overrides.cluster-dns";
            String[] servers = override.get().split(",");
            ip = servers[0].trim();
            if (servers.length > 1) {
                tree.warn(where, "names " + servers.length + " DNS servers; Mast gives pods one, so the plan keeps the first, " + ip);
            }
        } else {
            where = tree.node("add_ons.dns").isPresent() ? "add_ons.dns" : "cluster.networking.service_cidr_block";
            ip = Cidr.parse(serviceCidr).map(c -> c.address(KISMATIC_DNS_ADDRESS)).orElse("");
        }
        String address = ip.isEmpty() ? "the service CIDR's second address" : ip;
        String kept = " the plan keeps " + address + " as cluster.clusterDns.serviceIp, so every kubelet keeps sending pods there"
                + " (Mast's default would be the tenth address, where nothing answers in this cluster).";
        if (deployed) {
            tree.warn(where, "Kismatic ran " + server + " at " + address + ";" + kept + " An upgrade leaves the running " + server
                    + " as it is; an install from this plan applies CoreDNS there with " + replicas + " replicas");
        } else {
            tree.warn(where, "Kismatic deployed no cluster DNS (add_ons.dns.disable: true), so the plan has clusterDns.coreDns:"
                    + " false and an install applies none either;" + kept + " Your own DNS must answer there");
        }
        return new ClusterDns(ip, deployed, replicas);
    }

    private int replicas() {
        Optional<String> text = tree.text("add_ons.dns.options.replicas");
        if (text.isPresent() && !text.get().matches("[1-9]\\d{0,2}")) {
            tree.warn("add_ons.dns.options.replicas", "\"" + text.get() + "\" is not a number of replicas; the plan has "
                    + ClusterDns.DEFAULT_REPLICAS);
            return ClusterDns.DEFAULT_REPLICAS;
        }
        return text.map(Integer::parseInt).orElse(ClusterDns.DEFAULT_REPLICAS);
    }

    private PodNetwork podNetwork() {
        tree.use("add_ons.cni");
        tree.use("cluster.networking.policy_enabled");
        String mode = tree.text("cluster.networking.type").orElse("overlay");
        boolean listed = tree.node("add_ons.cni").isPresent();
        String where = listed ? "add_ons.cni" : tree.node("cluster.networking").isPresent() ? "cluster.networking" : "";
        // Before v1.5 there was no cni section: Kismatic always installed Calico, in the networking type's mode.
        String provider = listed ? tree.text("add_ons.cni.provider").orElse("calico") : "calico";
        boolean disabled = tree.text("add_ons.cni.disable").orElse("false").equals("true");
        if (disabled || provider.equals("custom")) {
            tree.warn(where, "Kismatic installed no pod network (" + (disabled ? "add_ons.cni.disable: true" : "provider: custom")
                    + "), so the plan has podNetwork: none: an upgrade leaves the cluster's own CNI plugin as it is, and an"
                    + " install from this plan applies none either; install your CNI plugin after it");
        } else {
            String name = capitalized(provider);
            String detail = provider.equals("calico") ? " (" + tree.text("add_ons.cni.options.calico.mode").orElse(mode) + " mode)" : "";
            tree.warn(where, "Kismatic installed " + name + detail + "; Mast applies only flannel, so the plan has podNetwork: none."
                    + " An upgrade leaves " + name + " running as it is; an install from this plan applies no pod network:"
                    + " install " + name + " yourself, or set podNetwork: flannel for a new cluster");
        }
        return PodNetwork.NONE;
    }

    private static String capitalized(String provider) {
        return provider.isEmpty() ? provider : Character.toUpperCase(provider.charAt(0)) + provider.substring(1);
    }
}
