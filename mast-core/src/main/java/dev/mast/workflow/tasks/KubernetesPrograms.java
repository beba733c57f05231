package dev.mast.workflow.tasks;

import dev.mast.manifest.KubePaths;
import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.ProgramSource;
import dev.mast.plan.Role;
import dev.mast.sources.Arch;
import dev.mast.sources.PackageIndex;
import dev.mast.sources.PackageRepository;
import dev.mast.sources.ReleaseFile;
import dev.mast.sources.ReleaseFiles;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Remote;
import dev.mast.workflow.Sh;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts the plan's exact Kubernetes release of the kubelet (every Kubernetes node) and kubectl (masters)
 * on a node, with crictl and the CNI plugins, from where the plan says:
 * <ul>
 *   <li>packages: Kubernetes' repository of the plan's minor release set up as the distribution
 *       expects ({@link PackageRepository}), the exact package version installed (a held or newer
 *       one of the same minor replaced) and held on apt nodes, excluded from updates on dnf/yum ones;</li>
 *   <li>binaries: the release files for the node's architecture into /usr/local/bin and
 *       /opt/cni/bin, each checked against its published SHA-256; Mast's kubelet unit runs them.</li>
 * </ul>
 * An installed kubelet or kubectl of another version was judged by preflight under the version skew policy.
 */
public final class KubernetesPrograms {
    public static final List<String> TOOL_PACKAGES = List.of("cri-tools", "kubernetes-cni");
    public static final List<String> CNI_PLUGINS = List.of("bridge", "host-local", "loopback", "portmap");

    private KubernetesPrograms() {
    }

    /** The programs the node runs at the plan's version: the kubelet, and kubectl on masters. */
    public static List<String> programs(Node node) {
        return node.has(Role.MASTER) ? List.of("kubelet", "kubectl") : List.of("kubelet");
    }

    /** Whether the node has every program at the plan's version from the plan's source, and the tools beside them. */
    public static boolean present(Plan plan, Node node, SourceFacts facts) {
        KubernetesVersion version = plan.version();
        boolean packages = plan.sources().kubernetes() == ProgramSource.PACKAGES;
        for (String program : programs(node)) {
            Optional<SourceFacts.Installed> installed = Optional.ofNullable(facts.installed().get(program));
            boolean fromSource = installed.map(i -> packages ? i.from().startsWith("package ")
                    : i.from().equals(KubePaths.binary(plan, program))).orElse(false);
            if (!fromSource || !installed.get().version().equals(version)) {
                return false;
            }
            if (packages && facts.family() == SourceFacts.PackageFamily.APT && !facts.held().contains(program)) {
                return false;
            }
        }
        return facts.crictl() && facts.cniPlugins().containsAll(CNI_PLUGINS);
    }

    public static void install(NodeContext context) throws Exception {
        install(context, programs(context.node()));
    }

    /**
     * crictl and the CNI plugins alone, from the plan's source: for a node that keeps its own kubelet but has no crictl
     * to pull images with (the Hard Way's, Kismatic's).
     */
    public static void installTools(NodeContext context) throws Exception {
        install(context, List.of());
    }

    private static void install(NodeContext context, List<String> programs) throws Exception {
        SourceFacts facts = SourceFacts.read(context.remote());
        if (context.plan().sources().kubernetes() == ProgramSource.BINARIES) {
            installBinaries(context, facts, programs);
        } else if (facts.family() == SourceFacts.PackageFamily.RPM) {
            installRpm(context, programs);
        } else if (facts.family() == SourceFacts.PackageFamily.APT) {
            installDeb(context, facts, programs);
        } else {
            throw new SourceException(context.node().hostName() + " has neither apt-get nor dnf/yum to install Kubernetes' packages with;"
                    + " take the release binaries (sources.kubernetes: binaries)");
        }
    }

    private static void installDeb(NodeContext context, SourceFacts facts, List<String> programs) throws Exception {
        Plan plan = context.plan();
        Remote remote = context.remote();
        PackageRepository repository = new PackageRepository(plan.sources(), plan.version());
        String keyring = PackageRepository.APT_KEYRING;
        remote.run("mkdir -p /etc/apt/keyrings && curl -fsSL --retry 3 --connect-timeout 20 -o " + keyring + ".new "
                + Sh.quote(repository.debKeyUrl()) + " && chmod 0644 " + keyring + ".new && mv -f " + keyring + ".new " + keyring);
        remote.write(repository.aptSource(facts.deb822()));
        remote.run("rm -f " + PackageRepository.otherAptSource(facts.deb822()));
        Remote.Output update = remote.exec("apt-get update 2>&1");
        String repo = repository.debUrl().substring(0, repository.debUrl().length() - 1);
        Optional<String> trouble = update.stdout().stream().filter(line -> line.contains(repo)
                && (line.startsWith("E:") || line.startsWith("W:"))).findFirst();
        if (trouble.isPresent() || update.exitStatus() != 0) {
            throw new SourceException("apt could not read Kubernetes' repository " + repository.debUrl() + ": "
                    + trouble.orElse(String.join(" ", update.lastLines())));
        }
        List<String> packages = new ArrayList<>();
        PackageIndex offered = programs.isEmpty() ? PackageIndex.fromMadison(List.of())
                : PackageIndex.fromMadison(remote.query("apt-cache madison " + Sh.words(programs)).stdout());
        for (String program : programs) {
            // A dry run did not update apt's lists: it shows the package revision as apt's pattern.
            String version = offered.exact(program, plan.version()).or(() -> remote.records()
                    ? Optional.of(plan.version() + "-*") : Optional.empty()).orElseThrow(() -> new SourceException(missing(
                    context.node().hostName(), program, plan.version(), repository.debUrl(), offered.upstreamVersions(program))));
            packages.add(program + "=" + version);
        }
        packages.addAll(TOOL_PACKAGES);
        List<String> held = new ArrayList<>(programs);
        held.addAll(TOOL_PACKAGES);
        Packages.noteInstalledByMast(remote, programs);
        Packages.finishInterruptedDpkg(remote);
        remote.run("DEBIAN_FRONTEND=noninteractive apt-get install -y --allow-downgrades --allow-change-held-packages"
                + " -o Dpkg::Options::=--force-confold " + Sh.words(packages) + " && apt-mark hold " + Sh.words(held));
        context.log("installed " + String.join(", ", packages) + " from " + repository.debUrl() + " and held them");
    }

    /** {@code node001 cannot install kubelet 1.28.5: https://.../deb/ has kubelet 1.28.0 to 1.28.15} */
    static String missing(String node, String program, KubernetesVersion version, String repository, List<String> offered) {
        return node + " cannot install " + program + " " + version + ": " + repository + (offered.isEmpty() ? " has no " + program
                + " package" : " has " + program + " " + offered.get(0) + (offered.size() > 1 ? " to " + offered.get(offered.size() - 1) : ""));
    }

    private static void installRpm(NodeContext context, List<String> programs) throws Exception {
        Plan plan = context.plan();
        Remote remote = context.remote();
        PackageRepository repository = new PackageRepository(plan.sources(), plan.version());
        remote.write(repository.yumRepo());
        List<String> packages = new ArrayList<>();
        programs.forEach(program -> packages.add(program + "-" + plan.version()));
        packages.addAll(TOOL_PACKAGES);
        Packages.noteInstalledByMast(remote, programs);
        Remote.Output output = remote.exec((remote.probe("command -v dnf >/dev/null") == 0 ? "dnf" : "yum")
                + " install -y --disableexcludes=" + PackageRepository.YUM_REPO_ID + " " + Sh.words(packages) + " 2>&1");
        if (output.exitStatus() != 0) {
            Optional<String> noMatch = output.stdout().stream().filter(line -> line.startsWith("No match for argument: ")).findFirst();
            throw new SourceException(noMatch.map(line -> context.node().hostName() + " cannot install "
                    + line.substring("No match for argument: ".length()) + ": " + repository.rpmUrl() + " does not have it")
                    .orElse("dnf could not install " + String.join(", ", packages) + " from " + repository.rpmUrl() + ": "
                            + String.join(" ", output.lastLines())));
        }
        context.log("installed " + String.join(", ", packages) + " from " + repository.rpmUrl()
                + "; the repository keeps them from updates (exclude=)");
    }

    private static void installBinaries(NodeContext context, SourceFacts facts, List<String> programs) throws Exception {
        Plan plan = context.plan();
        Remote remote = context.remote();
        Arch arch = facts.arch().orElseThrow(() -> new SourceException(context.node().hostName() + " is " + facts.unameM()
                + ", for which Kubernetes publishes no release binaries (amd64 and arm64 only)"));
        ReleaseFiles files = new ReleaseFiles(plan.sources(), plan.version(), arch);
        // What pkgs.k8s.io's kubelet package depends on, from the distribution: the kubelet and the CNI plugins call them.
        Packages.ensureInstalled(remote, List.of("iptables", facts.family() == SourceFacts.PackageFamily.RPM ? "conntrack-tools" : "conntrack"));
        List<String> staged = new ArrayList<>();
        for (String program : programs) {
            SourceFacts.Installed installed = facts.installed().get(program);
            String target = KubePaths.binary(plan, program);
            if (installed == null || !installed.from().equals(target) || !installed.version().equals(plan.version())) {
                String file = ReleaseDownload.fetch(remote, files.kubernetes(program));
                staged.add(file);
                remote.run("install -m 0755 " + Sh.quote(file) + " " + Sh.quote(target));
            }
        }
        Remote.Output crictl = remote.query(KubePaths.binary(plan, "crictl") + " --version 2>/dev/null");
        if (crictl.exitStatus() != 0 || crictl.stdout().stream().noneMatch(line -> line.contains("v" + files.crictlVersion()))) {
            ReleaseFile tarball = files.crictl();
            String file = ReleaseDownload.fetch(remote, tarball);
            staged.add(file);
            remote.run("tar -xzf " + Sh.quote(file) + " -C " + KubePaths.RELEASE_BINARIES_DIR + " crictl");
        }
        if (!facts.cniPlugins().containsAll(CNI_PLUGINS)) {
            String file = ReleaseDownload.fetch(remote, files.cniPlugins());
            staged.add(file);
            remote.run("mkdir -p /opt/cni/bin && tar -xzf " + Sh.quote(file) + " -C /opt/cni/bin");
        }
        ReleaseDownload.clean(remote, staged);
        context.log("installed " + String.join(", ", programs) + " " + plan.version() + " (" + arch
                + "), crictl " + files.crictlVersion() + " and the CNI plugins " + files.cniPluginsVersion() + " from release files");
    }
}
