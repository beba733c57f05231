package dev.mast.plan;

/**
 * The cluster DNS: the service address every kubelet gives its pods as their name server, and
 * whether Mast applies CoreDNS behind it.
 *
 * @param serviceIp the DNS service's ClusterIP as written; empty for kubeadm's choice, the tenth
 *                  address of the service CIDR (see {@link Plan#clusterDnsIp()})
 * @param coreDns   whether an install applies CoreDNS; without it the cluster's own DNS must answer at the address
 * @param replicas  how many CoreDNS pods run
 */
public record ClusterDns(String serviceIp, boolean coreDns, int replicas) {
    public static final int DEFAULT_REPLICAS = 2;
    public static final ClusterDns DEFAULT = new ClusterDns("", true, DEFAULT_REPLICAS);

    public ClusterDns {
        serviceIp = serviceIp == null ? "" : serviceIp;
    }

    public ClusterDns withServiceIp(String value) {
        return new ClusterDns(value, coreDns, replicas);
    }

    public ClusterDns withCoreDns(boolean value) {
        return new ClusterDns(serviceIp, value, replicas);
    }

    public ClusterDns withReplicas(int value) {
        return new ClusterDns(serviceIp, coreDns, value);
    }
}
