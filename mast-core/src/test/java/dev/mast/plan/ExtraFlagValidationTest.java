package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation of extra flags against the plan's release, what a command line can carry and what a pod can mount. */
class ExtraFlagValidationTest {
    private final PlanValidator validator = new PlanValidator(Path.of("/home/ops"), key -> true);

    private List<Problem> problemsOf(String yaml) throws IOException {
        return validator.validate(PlanFile.parse("cluster.yaml", yaml)).problems();
    }

    private static String planWith(String version, String component, String flag, String value) {
        return """
                cluster:
                  name: prod
                  kubernetesVersion: "%s"
                  containerRuntime: containerd
                  podCidr: 10.244.0.0/16
                  serviceCidr: 10.96.0.0/12
                  dnsDomain: cluster.local
                  apiServerPort: 6443
                  extraFlags:
                    %s:
                      %s: "%s"
                nodes:
                  - {hostName: node001, ip: 10.0.0.11, roles: [etcd, master, worker]}
                """.formatted(version, component, flag, value);
    }

    @Test
    void aFlagThePlansReleaseRemovedIsAnErrorAtItsLine() throws IOException {
        List<Problem> problems = problemsOf(planWith("1.31", "kube-apiserver", "insecure-port", "8080"));
        assertEquals(List.of("cluster.yaml:11:7: cluster.extraFlags.kube-apiserver.insecure-port: --insecure-port was removed"
                + " from kube-apiserver in Kubernetes 1.24; the API server serves only HTTPS, on --secure-port; remove it from"
                + " extraFlags (Kubernetes 1.31.14 would not start with it)"), problems.stream().map(Problem::toString).toList());
    }

    @Test
    void aRemovedValueIsAnErrorWhileOtherValuesPass() throws IOException {
        assertEquals(1, problemsOf(planWith("1.31", "kube-controller-manager", "cloud-provider", "aws")).size());
        assertEquals(List.of(), problemsOf(planWith("1.31", "kube-controller-manager", "cloud-provider", "external")));
    }

    @Test
    void admissionControlIsAWarningThatNamesItsReplacement() throws IOException {
        Problem problem = problemsOf(planWith("1.34", "kube-apiserver", "admission-control", "NamespaceLifecycle")).get(0);
        assertEquals(Severity.WARNING, problem.severity());
        assertEquals(11, problem.location().orElseThrow().line());
        assertTrue(problem.message().contains("enable-admission-plugins"), problem.message());
    }

    @Test
    void anAuditLogDirectlyUnderVarLogIsAnErrorRenderWouldOtherwiseHitLater() throws IOException {
        List<Problem> problems = problemsOf(planWith("1.34", "kube-apiserver", "audit-log-path", "/var/log/kube-apiserver-audit.log"));
        assertEquals(List.of("cluster.yaml:11:7: cluster.extraFlags.kube-apiserver.audit-log-path: --audit-log-path names"
                + " /var/log/kube-apiserver-audit.log, and the kube-apiserver pod would need all of /var/log mounted to see it;"
                + " move it into a folder of its own, e.g. /var/log/kube-apiserver/"), problems.stream().map(Problem::toString).toList());
        assertEquals(List.of(), problemsOf(planWith("1.34", "kube-apiserver", "audit-log-path", "/var/log/kubernetes/audit.log")));
    }

    @Test
    void aSystemdServiceMountsNothingSoItsPathsAreNotChecked() throws IOException {
        assertEquals(List.of(), problemsOf(planWith("1.34", "kubelet", "resolv-conf", "/etc/resolv.conf")));
    }

    @Test
    void aValueWithALineSeparatorIsAnError() {
        Plan plan = TestPlans.threeMasters().withExtraFlags(Map.of(Component.KUBE_SCHEDULER, Map.of("v", "2\u2028")));
        List<Problem> problems = validator.validate(plan).problemsFor("cluster.extraFlags.kube-scheduler.v");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().contains("holds a line break or another control character"), problems.get(0).message());
    }

    @Test
    void theClusterDnsFlagPointsAtThePlanSetting() {
        Plan plan = TestPlans.threeMasters().withExtraFlags(Map.of(Component.KUBELET, Map.of("cluster-dns", "10.96.0.2")));
        assertTrue(validator.validate(plan).problemsFor("cluster.extraFlags.kubelet.cluster-dns").get(0).message()
                .endsWith("set cluster.clusterDns.serviceIp instead"));
    }
}
