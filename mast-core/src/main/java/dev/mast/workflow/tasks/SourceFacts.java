package dev.mast.workflow.tasks;

import dev.mast.plan.KubernetesVersion;
import dev.mast.sources.Arch;
import dev.mast.workflow.Remote;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a node says about installing the Kubernetes programs, asked in one round trip: its
 * architecture, its package manager, whether its apt sources are deb822, and the kubelet and
 * kubectl it has already (the package's version, else the binary's).
 *
 * @param unameM    what {@code uname -m} printed
 * @param installed  per program, the version already on the node
 * @param crictl     whether crictl is on the PATH
 * @param cniPlugins the plugins in {@code /opt/cni/bin}
 * @param held       the packages apt holds
 */
public record SourceFacts(String unameM, PackageFamily family, boolean deb822, Map<String, Installed> installed, boolean crictl,
                   Set<String> cniPlugins, Set<String> held) {
    static final List<String> PROGRAMS = List.of("kubelet", "kubectl");
    static final List<String> BINARY_DIRS = List.of("/usr/bin", "/usr/local/bin");
    private static final Pattern VERSION = Pattern.compile("v?(\\d+\\.\\d+\\.\\d+)");
    private static final Pattern PACKAGE = Pattern.compile("(?:install|hold) ok installed (\\S+)");

    public enum PackageFamily { APT, RPM, NONE }

    /** A program already on the node: from which package version, or which binary, and its Kubernetes version. */
    public record Installed(String program, KubernetesVersion version, String from) { }

    Optional<Arch> arch() {
        return Arch.fromMachine(unameM);
    }

    /** What a node Mast does not ask (the preview) is taken for: a fresh amd64 Debian, as {@link Packages} takes it. */
    static final SourceFacts FRESH_DEBIAN = new SourceFacts("x86_64", PackageFamily.APT, false, Map.of(), false, Set.of(), Set.of());

    public static SourceFacts read(Remote remote) throws Exception {
        if (!remote.asks()) {
            return FRESH_DEBIAN;
        }
        MarkedQuery query = new MarkedQuery()
                .add("arch", "uname -m")
                .add("apt", "command -v apt-get")
                .add("rpm", "command -v dnf || command -v yum")
                .add("sources", "ls /etc/apt/sources.list.d 2>/dev/null")
                .add("crictl", "command -v crictl")
                .add("cni", "ls /opt/cni/bin 2>/dev/null")
                .add("held", "apt-mark showhold 2>/dev/null");
        for (String program : PROGRAMS) {
            query.add("package." + program, "dpkg-query -W -f='${Status} ${Version}\\n' " + program + " 2>/dev/null"
                    + " || rpm -q --qf 'install ok installed %{VERSION}-%{RELEASE}\\n' " + program + " 2>/dev/null");
            for (String dir : BINARY_DIRS) {
                String binary = dir + "/" + program;
                query.add("binary." + binary, binary + (program.equals("kubectl") ? " version --client" : " --version") + " 2>/dev/null");
            }
        }
        Map<String, List<String>> answers = query.run(remote);
        String arch = MarkedQuery.said(answers.get("arch")).stream().findFirst().orElse("").trim();
        PackageFamily family = !MarkedQuery.said(answers.get("apt")).isEmpty() && !MarkedQuery.failed(answers.get("apt"))
                ? PackageFamily.APT : !MarkedQuery.failed(answers.get("rpm")) && !MarkedQuery.said(answers.get("rpm")).isEmpty()
                ? PackageFamily.RPM : PackageFamily.NONE;
        boolean deb822 = MarkedQuery.said(answers.get("sources")).stream().anyMatch(name -> name.trim().endsWith(".sources"));
        Map<String, Installed> installed = new LinkedHashMap<>();
        for (String program : PROGRAMS) {
            installed(program, answers).ifPresent(found -> installed.put(program, found));
        }
        return new SourceFacts(arch, family, deb822, installed, !MarkedQuery.failed(answers.get("crictl"))
                && !MarkedQuery.said(answers.get("crictl")).isEmpty(), names(answers.get("cni")), names(answers.get("held")));
    }

    private static Set<String> names(List<String> lines) {
        return MarkedQuery.said(lines).stream().map(String::trim).filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The package's version when a package has it, else the first binary that answers. */
    private static Optional<Installed> installed(String program, Map<String, List<String>> answers) {
        for (String line : MarkedQuery.said(answers.get("package." + program))) {
            Matcher m = PACKAGE.matcher(line.trim());
            Optional<KubernetesVersion> version = m.matches() ? version(m.group(1)) : Optional.empty();
            if (version.isPresent()) {
                return Optional.of(new Installed(program, version.get(), "package " + program + " " + m.group(1)));
            }
        }
        for (String dir : BINARY_DIRS) {
            String binary = dir + "/" + program;
            Optional<KubernetesVersion> version = MarkedQuery.said(answers.get("binary." + binary)).stream().findFirst()
                    .flatMap(SourceFacts::version);
            if (version.isPresent()) {
                return Optional.of(new Installed(program, version.get(), binary));
            }
        }
        return Optional.empty();
    }

    private static Optional<KubernetesVersion> version(String text) {
        Matcher m = VERSION.matcher(text);
        return m.find() ? KubernetesVersion.parse(m.group(1)) : Optional.empty();
    }
}
