package dev.mast.plan;

/** The cluster-wide settings: name, version, DNS domain, API server port, endpoint and certificate names. */
final class ClusterRules {
    private ClusterRules() {
    }

    static void check(Plan plan, Findings findings) {
        if (plan.name().isEmpty()) {
            findings.error("cluster.name", "is empty; name the cluster, e.g. prod (it names kubeconfig contexts and certificates)");
        } else {
            FieldChecks.dnsLabel(plan.name()).ifPresent(problem -> findings.error("cluster.name",
                    problem + "; the cluster name goes into kubeconfig contexts and certificates"));
        }
        findings.check("cluster.kubernetesVersion", FieldChecks.kubernetesVersion(plan.kubernetesVersion()));
        findings.check("cluster.dnsDomain", FieldChecks.dnsName(plan.dnsDomain()));
        findings.check("cluster.apiServerPort", FieldChecks.port(plan.apiServerPort()));
        if (!plan.controlPlaneEndpoint().isEmpty()) {
            findings.check("cluster.controlPlaneEndpoint", FieldChecks.hostPort(plan.controlPlaneEndpoint()));
        }
        var sans = plan.apiServerCert().extraSans();
        for (int i = 0; i < sans.size(); i++) {
            findings.check("cluster.apiServerCertSans[" + i + "]", FieldChecks.subjectAltName(sans.get(i)));
        }
    }
}
