package dev.mast.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the programs come from: every URL one the nodes can download from, a registry mirror only
 * where the runtime can use one, and a warning for a setting the chosen sources never read.
 */
final class SourceRules {
    private static final String PATH = "sources.";
    private static final Pattern MINOR_IN_URL = Pattern.compile("/v1\\.(\\d+)(?:/|$)");

    private SourceRules() {
    }

    static void check(Plan plan, Findings findings) {
        Sources sources = plan.sources();
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("packageRepository", sources.packageRepository());
        urls.put("packageKey", sources.packageKey());
        urls.put("binaries", sources.binaries());
        urls.put("githubReleases", sources.githubReleases());
        urls.forEach((key, url) -> {
            if (!url.isEmpty()) {
                findings.check(PATH + key, FieldChecks.url(url));
            }
        });
        if (sources.mirrorsImages() && findings.check(PATH + "imageRegistry", FieldChecks.registry(sources.imageRegistry()))
                && plan.runtime() == ContainerRuntime.DOCKER) {
            findings.error(PATH + "imageRegistry", "Docker takes mirrors for Docker Hub only, so it would still pull from"
                    + " registry.k8s.io; use containerd for a registry that stands in for it");
        }
        unused(sources, findings);
        otherMinor(plan, findings);
    }

    private static void unused(Sources sources, Findings findings) {
        boolean packages = sources.kubernetes() == ProgramSource.PACKAGES;
        String programs = packages ? "packages" : "binaries";
        if (!packages) {
            unused(findings, "packageRepository", sources.packageRepository(), "the Kubernetes programs come from " + programs);
            unused(findings, "packageKey", sources.packageKey(), "the Kubernetes programs come from " + programs);
        } else {
            unused(findings, "binaries", sources.binaries(), "the Kubernetes programs come from " + programs);
            if (sources.etcd() != EtcdSource.RELEASE) {
                unused(findings, "githubReleases", sources.githubReleases(),
                        "neither crictl and the CNI plugins (packages) nor etcd (" + sources.etcd().key() + ") come from release files");
            }
        }
    }

    private static void unused(Findings findings, String key, String value, String why) {
        if (!value.isEmpty()) {
            findings.warning(PATH + key, "is not used: " + why);
        }
    }

    /** pkgs.k8s.io has one repository per minor release; a mirror URL that names another minor is a likely slip. */
    private static void otherMinor(Plan plan, Findings findings) {
        Matcher m = MINOR_IN_URL.matcher(plan.sources().packageRepository());
        var version = KubernetesVersion.parse(plan.kubernetesVersion());
        if (m.find() && version.isPresent() && Integer.parseInt(m.group(1)) != version.get().minor()) {
            findings.warning(PATH + "packageRepository", "names v1." + m.group(1) + " while the plan installs " + version.get()
                    + ": Kubernetes' repositories hold one minor release each");
        }
    }
}
