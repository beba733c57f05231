package dev.mast.workflow.tasks;

import dev.mast.manifest.ManifestSet;
import dev.mast.plan.EtcdSource;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.ProgramSource;
import dev.mast.plan.Role;
import dev.mast.sources.Arch;
import dev.mast.sources.PackageIndex;
import dev.mast.sources.PackageRepository;
import dev.mast.sources.RegistryMirror;
import dev.mast.sources.ReleaseFiles;
import dev.mast.sources.VersionSkew;
import dev.mast.workflow.Remote;
import dev.mast.workflow.Sh;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a node can get what the plan installs from where the plan says, found out before anything
 * changes: its architecture is one Kubernetes publishes, each source it uses answers (one request each,
 * from the node itself, since the node must reach it and Mast's machine may not), the repository has the
 * plan's exact versions, and a kubelet or kubectl already there may be replaced under the version skew policy.
 *
 * @param problems sentences that stop the install, each naming the node
 * @param notes    what the install will do that the user should know (a version it replaces)
 */
public record SourceChecks(List<String> problems, List<String> notes) {
    private static final String CURL = "curl -fsSL --max-time 60 ";

    public static SourceChecks run(Plan plan, Node node, Remote remote) throws Exception {
        var checks = new SourceChecks(new ArrayList<>(), new ArrayList<>());
        SourceFacts facts = SourceFacts.read(remote);
        Optional<Arch> arch = facts.arch();
        String name = node.hostName();
        if (arch.isEmpty()) {
            checks.problems.add(name + " is " + facts.unameM() + ": Kubernetes and etcd publish their programs and images for"
                    + " amd64 and arm64 only");
            return checks;
        }
        checks.notes.add(name + " is " + arch.get() + ": its programs and images are the " + arch.get() + " ones");
        MarkedQuery reach = new MarkedQuery();
        Map<String, String> what = new LinkedHashMap<>();
        boolean kubernetes = node.joinsCluster();
        ReleaseFiles files = new ReleaseFiles(plan.sources(), plan.version(), arch.get());
        PackageRepository repository = new PackageRepository(plan.sources(), plan.version());
        if (kubernetes && plan.sources().kubernetes() == ProgramSource.PACKAGES) {
            if (facts.family() == SourceFacts.PackageFamily.NONE) {
                checks.problems.add(name + " has neither apt-get nor dnf/yum to install Kubernetes' packages with;"
                        + " take the release binaries (sources.kubernetes: binaries)");
            } else {
                boolean deb = facts.family() == SourceFacts.PackageFamily.APT;
                String index = deb ? repository.debUrl() + "Packages" : repository.rpmUrl() + "repodata/repomd.xml";
                String key = deb ? repository.debKeyUrl() : repository.rpmKeyUrl();
                reach.add("index", CURL + Sh.quote(index) + " 2>&1" + (deb ? " | grep -E '^(Package|Version|Architecture):|^curl:'" : ""));
                reach.add("key", CURL + "-o /dev/null " + Sh.quote(key) + " 2>&1");
                what.put("index", index + " (Kubernetes' package repository)");
                what.put("key", key + " (the repository's signing key)");
            }
        } else if (kubernetes) {
            head(reach, what, "binaries", files.kubernetes("kubelet").url(), "the Kubernetes release binaries");
            head(reach, what, "github", files.crictl().url(), "the cri-tools release");
        }
        if (ManifestSet.hasRuntime(plan, node)) {
            String registry = plan.sources().mirrorsImages() ? RegistryMirror.probeUrl(plan.sources()) : "https://registry.k8s.io/v2/";
            reach.add("registry", "curl -sS --max-time 60 -o /dev/null -w '%{http_code}\\n' " + Sh.quote(registry) + " 2>&1");
            what.put("registry", registry + " (" + (plan.sources().mirrorsImages() ? "the registry standing in for registry.k8s.io"
                    : "the component images") + ")");
        }
        if (node.has(Role.ETCD) && plan.sources().etcd() == EtcdSource.RELEASE) {
            head(reach, what, "etcd", files.etcd().url(), "etcd's release");
        }
        if (node.has(Role.ETCD) && plan.sources().etcd() == EtcdSource.PACKAGE && facts.family() == SourceFacts.PackageFamily.APT) {
            reach.add("etcd-package", "apt-cache policy etcd-server");
        }
        Map<String, List<String>> answers = reach.run(remote);
        for (var entry : what.entrySet()) {
            reached(name, entry.getValue(), entry.getKey(), answers.get(entry.getKey())).ifPresent(checks.problems::add);
        }
        if (answers.containsKey("index") && checks.problems.isEmpty()) {
            checks.versions(plan, node, remote, repository, facts, arch.get(), answers.get("index"));
        }
        if (answers.containsKey("etcd-package")) {
            checks.etcdPackage(plan, name, answers.get("etcd-package"));
        }
        if (kubernetes) {
            checks.skew(plan, node, facts);
        }
        return checks;
    }

    private static void head(MarkedQuery reach, Map<String, String> what, String key, String url, String description) {
        reach.add(key, CURL + "-I -o /dev/null " + Sh.quote(url) + " 2>&1");
        what.put(key, url + " (" + description + ")");
    }

    /** A problem when the node got no answer, or not the one expected (a registry answers 200 or 401: it is there). */
    private static Optional<String> reached(String node, String what, String key, List<String> lines) {
        List<String> said = MarkedQuery.said(lines);
        Optional<String> why = said.stream().filter(line -> line.startsWith("curl:")).findFirst();
        if (why.isEmpty() && key.equals("registry") && said.stream().noneMatch(line -> line.trim().matches("200|401"))) {
            why = Optional.of("it answered HTTP " + String.join(" ", said).trim() + ", not as a registry does");
        } else if (why.isEmpty() && !key.equals("registry") && MarkedQuery.failed(lines)) {
            why = Optional.of(key.equals("index") ? "it holds no package list" : said.isEmpty() ? "no answer" : String.join(" ", said));
        }
        return why.map(reason -> node + " cannot reach " + what + ": " + reason);
    }

    private void versions(Plan plan, Node node, Remote remote, PackageRepository repository, SourceFacts facts, Arch arch,
                          List<String> index) throws Exception {
        boolean deb = facts.family() == SourceFacts.PackageFamily.APT;
        String url = deb ? repository.debUrl() : repository.rpmUrl();
        PackageIndex offered;
        if (deb) {
            offered = PackageIndex.fromDebFields(MarkedQuery.said(index), arch);
        } else {
            Optional<String> primary = PackageIndex.primaryLocation(String.join("\n", MarkedQuery.said(index)));
            if (primary.isEmpty()) {
                problems.add(node.hostName() + " found no package list in " + url + "repodata/repomd.xml");
                return;
            }
            Remote.Output list = remote.query(CURL + Sh.quote(url + primary.get()) + " | gzip -dc | grep -oE '<name>[^<]+</name>|<arch>[^<]+</arch>|<version [^>]+>'");
            offered = PackageIndex.fromRpmPrimary(list.stdout(), arch);
        }
        for (String program : KubernetesPrograms.programs(node)) {
            if (offered.exact(program, plan.version()).isEmpty()) {
                problems.add(KubernetesPrograms.missing(node.hostName(), program, plan.version(), url, offered.upstreamVersions(program)));
            }
        }
        for (String tool : KubernetesPrograms.TOOL_PACKAGES) {
            if (!offered.has(tool)) {
                problems.add(node.hostName() + " cannot install " + tool + ": " + url + " has no " + tool + " package");
            }
        }
    }

    private void etcdPackage(Plan plan, String node, List<String> policy) {
        String pinned = ReleaseFiles.etcdVersion(plan.version());
        Optional<String> candidate = MarkedQuery.said(policy).stream().map(String::trim).filter(l -> l.startsWith("Candidate:"))
                .map(l -> l.substring("Candidate:".length()).trim()).findFirst();
        if (candidate.isEmpty() || candidate.get().equals("(none)")) {
            notes.add(node + ": apt knows no etcd-server package yet (the install runs apt-get update first)");
        } else if (EtcdBinary.olderThan(PackageIndex.upstream(candidate.get()), pinned)) {
            notes.add(node + ": the distribution's etcd-server is " + PackageIndex.upstream(candidate.get()) + ", older than the "
                    + pinned + " kubeadm pins for Kubernetes " + plan.version().major() + "." + plan.version().minor());
        }
    }

    private void skew(Plan plan, Node node, SourceFacts facts) {
        for (String program : KubernetesPrograms.programs(node)) {
            SourceFacts.Installed installed = facts.installed().get(program);
            if (installed == null) {
                continue;
            }
            VersionSkew.Finding finding = VersionSkew.judge(node.hostName(), program, installed.version(), plan.version());
            switch (finding.verdict()) {
                case REFUSE -> problems.add(finding.sentence() + " (" + installed.from() + ")");
                case REPLACE -> notes.add(finding.sentence() + " (" + installed.from() + ")");
                case SAME -> notes.add(finding.sentence());
            }
        }
    }
}
