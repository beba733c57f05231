package dev.mast.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mast.plan.KubernetesVersion;
import dev.mast.sources.VersionSkew.Verdict;
import org.junit.jupiter.api.Test;

class VersionSkewTest {
    private static KubernetesVersion v(String text) {
        return KubernetesVersion.parse(text).orElseThrow();
    }

    private static Verdict kubelet(String installed) {
        return VersionSkew.judge("node003", "kubelet", v(installed), v("1.28.4")).verdict();
    }

    @Test
    void anOlderKubeletWithinThreeMinorReleasesIsReplacedAndNamed() {
        var finding = VersionSkew.judge("node003", "kubelet", v("1.27.4"), v("1.28.4"));
        assertEquals(Verdict.REPLACE, finding.verdict());
        assertEquals("node003 has kubelet 1.27.4; the plan installs 1.28.4: Mast replaces it", finding.sentence());
        assertEquals(Verdict.REPLACE, kubelet("1.25.0"));
        assertEquals(Verdict.REPLACE, kubelet("1.28.9"), "another patch release of the same minor");
        assertEquals(Verdict.SAME, kubelet("1.28.4"));
    }

    @Test
    void aKubeletTooOldOrNewerIsRefused() {
        assertEquals(Verdict.REFUSE, kubelet("1.24.17"));
        var newer = VersionSkew.judge("node003", "kubelet", v("1.29.0"), v("1.28.4"));
        assertEquals(Verdict.REFUSE, newer.verdict());
        assertEquals("node003 has kubelet 1.29.0; the plan installs 1.28.4: a kubelet newer than its API server is outside"
                + " Kubernetes' version skew policy and Mast does not downgrade one; remove it first, or plan 1.29", newer.sentence());
    }

    @Test
    void kubectlIsReplacedWithinOneMinorReleaseEitherWay() {
        assertEquals(Verdict.REPLACE, VersionSkew.judge("node001", "kubectl", v("1.29.1"), v("1.28.4")).verdict());
        assertEquals(Verdict.REPLACE, VersionSkew.judge("node001", "kubectl", v("1.27.1"), v("1.28.4")).verdict());
        assertEquals(Verdict.REFUSE, VersionSkew.judge("node001", "kubectl", v("1.26.1"), v("1.28.4")).verdict());
    }
}
