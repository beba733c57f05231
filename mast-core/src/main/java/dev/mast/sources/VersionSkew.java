package dev.mast.sources;

import dev.mast.plan.KubernetesVersion;

/**
 * Whether a kubelet or kubectl already on a node may be replaced by the plan's version, under
 * Kubernetes' version skew policy: a kubelet may be up to three minor releases older than the API
 * server and never newer, kubectl within one minor release either way. What lies outside is
 * refused, with the node, the program and both versions named, before anything changes.
 */
public final class VersionSkew {
    private static final int KUBELET_OLDER = 3;
    private static final int KUBECTL_EITHER_WAY = 1;

    public enum Verdict { SAME, REPLACE, REFUSE }

    /** The verdict on one program of one node, with the sentence that says it. */
    public record Finding(Verdict verdict, String sentence) { }

    private VersionSkew() {
    }

    public static Finding judge(String node, String program, KubernetesVersion installed, KubernetesVersion planned) {
        if (installed.equals(planned)) {
            return new Finding(Verdict.SAME, node + " has " + program + " " + installed + " already");
        }
        String has = node + " has " + program + " " + installed + "; the plan installs " + planned;
        int ahead = planned.minor() - installed.minor();
        if (installed.major() != planned.major()) {
            return new Finding(Verdict.REFUSE, has + ": another major release; remove it first");
        }
        if (program.equals("kubectl")) {
            return Math.abs(ahead) <= KUBECTL_EITHER_WAY ? new Finding(Verdict.REPLACE, has + ": Mast replaces it")
                    : new Finding(Verdict.REFUSE, has + ": kubectl works within one minor release of the API server"
                    + " (Kubernetes' version skew policy), so Mast does not replace it in place; remove it first");
        }
        if (ahead < 0) {
            return new Finding(Verdict.REFUSE, has + ": a kubelet newer than its API server is outside Kubernetes' version"
                    + " skew policy and Mast does not downgrade one; remove it first, or plan " + installed.major() + "."
                    + installed.minor());
        }
        if (ahead > KUBELET_OLDER) {
            return new Finding(Verdict.REFUSE, has + ": " + ahead + " minor releases apart, more than the three Kubernetes'"
                    + " version skew policy allows a kubelet behind, so Mast does not replace it in place; remove it first");
        }
        return new Finding(Verdict.REPLACE, has + ": Mast replaces it");
    }
}
