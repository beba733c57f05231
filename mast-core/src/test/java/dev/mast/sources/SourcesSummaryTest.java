package dev.mast.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.EtcdSource;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.ProgramSource;
import dev.mast.plan.Role;
import dev.mast.plan.SshSettings;
import dev.mast.plan.Sources;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourcesSummaryTest {
    private static final Node MASTER = new Node("node001", "10.0.0.11", "10.0.0.11", Set.of(Role.MASTER, Role.ETCD), SshSettings.DEFAULT);
    private static final Node WORKER = new Node("node002", "10.0.0.12", "10.0.0.12", Set.of(Role.WORKER), SshSettings.DEFAULT);
    private static final Node ETCD = new Node("node003", "10.0.0.13", "10.0.0.13", Set.of(Role.ETCD), SshSettings.DEFAULT);

    private static Plan plan(Sources sources) {
        Plan p = Plan.defaults("prod").withNodes(List.of(MASTER, WORKER, ETCD));
        return new Plan(p.name(), "1.34.3", p.runtime(), p.podCidr(), p.serviceCidr(), p.dnsDomain(), p.apiServerPort(),
                p.controlPlaneEndpoint(), p.nodes(), p.extraFlags(), p.ssh(), p.clusterDns(), p.podNetwork(), p.apiServerCert(), sources);
    }

    @Test
    void byDefaultAMasterGetsKubernetesPackagesAtTheExactVersionEtcdFromItsImageAndImagesFromRegistryK8sIo() {
        assertEquals("""
                # Where node001 gets its programs (the plan's sources; preflight asks each from the node)

                kubelet and kubectl 1.34.3: Kubernetes' packages at exactly that version, with cri-tools and kubernetes-cni, held
                  apt:      https://pkgs.k8s.io/core:/stable:/v1.34/deb/  key https://pkgs.k8s.io/core:/stable:/v1.34/deb/Release.key
                            in /etc/apt/keyrings/kubernetes-apt-keyring.asc, named by /etc/apt/sources.list.d/kubernetes.list\
                 (/etc/apt/sources.list.d/kubernetes.sources where the node's sources are deb822)
                  dnf/yum:  https://pkgs.k8s.io/core:/stable:/v1.34/rpm/  key https://pkgs.k8s.io/core:/stable:/v1.34/rpm/repodata/repomd.xml.key
                            in /etc/yum.repos.d/kubernetes.repo, gpgcheck, exclude=kubelet kubectl cri-tools kubernetes-cni

                etcd 3.6.5 (kubeadm's for Kubernetes 1.34): copied out of its image into /usr/local/bin
                  registry.k8s.io/etcd:3.6.5-0, pulled by containerd

                images: from registry.k8s.io""", String.join("\n", SourcesSummary.forNode(plan(Sources.DEFAULT), MASTER)));
    }

    @Test
    void anAirGappedSiteSeesItsMirrorsForBinariesEtcdsTarballAndImages() {
        Sources mirrors = Sources.DEFAULT.withKubernetes(ProgramSource.BINARIES).withBinaries("http://mirror.lan/dl/")
                .withGithubReleases("http://mirror.lan/github").withImageRegistry("mirror.lan:5000").withEtcd(EtcdSource.RELEASE);
        String worker = String.join("\n", SourcesSummary.forNode(plan(mirrors), WORKER));
        assertTrue(worker.contains("kubelet 1.34.3: release binaries into /usr/local/bin, each checked against its .sha256"), worker);
        assertTrue(worker.contains("  http://mirror.lan/dl/v1.34.3/bin/linux/amd64/kubelet  (the node's architecture; amd64 shown)"), worker);
        assertTrue(worker.contains("http://mirror.lan/github/kubernetes-sigs/cri-tools/releases/download/v1.34.0/crictl-v1.34.0-linux-amd64.tar.gz"));
        assertTrue(worker.contains("images: registry.k8s.io's and ghcr.io's from the site's registry https://mirror.lan:5000\n"
                + "  containerd reads /etc/containerd/certs.d/<registry>/hosts.toml"), worker);
        assertTrue(!worker.contains("etcd"), "a worker runs no etcd");

        String etcdOnly = String.join("\n", SourcesSummary.forNode(plan(mirrors), ETCD));
        assertTrue(etcdOnly.contains("etcd 3.6.5 (kubeadm's for Kubernetes 1.34): its release tarball, checked against SHA256SUMS\n"
                + "  http://mirror.lan/github/etcd-io/etcd/releases/download/v3.6.5/etcd-v3.6.5-linux-amd64.tar.gz"), etcdOnly);
        assertTrue(!etcdOnly.contains("images"), "an etcd node with etcd's tarball pulls no image");
    }

    @Test
    void theDistributionsEtcdIsNamedWithTheVersionItIsComparedWith() {
        String etcdOnly = String.join("\n", SourcesSummary.forNode(plan(Sources.DEFAULT.withEtcd(EtcdSource.PACKAGE)), ETCD));
        assertTrue(etcdOnly.contains("etcd: the distribution's package (etcd-server on apt nodes, etcd on dnf/yum ones), whatever"
                + " version it has; the run warns when it is older than 3.6.5"), etcdOnly);
    }
}
