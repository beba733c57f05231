package dev.mast.sources;

import dev.mast.plan.KubernetesVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a package repository offers for one architecture: each package's versions, as the
 * repository numbers them ({@code 1.34.3-1.1} in a deb repository, {@code 1.34.3-150500.1.1} in
 * an rpm one). Read from the lines a node printed of the repository's index, so a node can be
 * asked in one request whether the plan's exact version is there.
 */
public final class PackageIndex {
    private static final Pattern FIELD = Pattern.compile("^(Package|Version|Architecture):\\s*(\\S+)");
    private static final Pattern RPM_NAME = Pattern.compile("<name>([^<]+)</name>");
    private static final Pattern RPM_ARCH = Pattern.compile("<arch>([^<]+)</arch>");
    private static final Pattern RPM_VERSION = Pattern.compile("<version [^>]*ver=\"([^\"]+)\"[^>]*rel=\"([^\"]+)\"");
    private static final Pattern PRIMARY = Pattern.compile("<data type=\"primary\">.*?<location href=\"([^\"]+)\"", Pattern.DOTALL);

    private final Map<String, List<String>> versions;

    private PackageIndex(Map<String, List<String>> versions) {
        this.versions = versions;
    }

    /**
     * From the {@code Package:}, {@code Version:} and {@code Architecture:} lines of a deb repository's {@code Packages},
     * in whatever order a stanza has them: each {@code Package:} line starts the next package.
     */
    public static PackageIndex fromDebFields(List<String> lines, Arch arch) {
        Map<String, List<String>> versions = new LinkedHashMap<>();
        Map<String, String> stanza = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = FIELD.matcher(line);
            if (!m.find()) {
                continue;
            }
            if (m.group(1).equals("Package")) {
                add(versions, stanza, arch);
                stanza.clear();
            }
            stanza.put(m.group(1), m.group(2));
        }
        add(versions, stanza, arch);
        return new PackageIndex(versions);
    }

    private static void add(Map<String, List<String>> versions, Map<String, String> stanza, Arch arch) {
        String architecture = stanza.getOrDefault("Architecture", "");
        if (stanza.containsKey("Package") && stanza.containsKey("Version") && (architecture.equals(arch.key()) || architecture.equals("all"))) {
            versions.computeIfAbsent(stanza.get("Package"), k -> new ArrayList<>()).add(stanza.get("Version"));
        }
    }

    /** From {@code apt-cache madison} lines, {@code kubelet | 1.34.3-1.1 | https://... Packages}: what apt would install. */
    public static PackageIndex fromMadison(List<String> lines) {
        Map<String, List<String>> versions = new LinkedHashMap<>();
        for (String line : lines) {
            String[] columns = line.split("\\|");
            if (columns.length >= 2 && !columns[0].isBlank()) {
                versions.computeIfAbsent(columns[0].trim(), k -> new ArrayList<>()).add(columns[1].trim());
            }
        }
        return new PackageIndex(versions);
    }

    /** Where an rpm repository's {@code repomd.xml} says its package list is, e.g. {@code repodata/...-primary.xml.gz}. */
    public static Optional<String> primaryLocation(String repomd) {
        Matcher m = PRIMARY.matcher(repomd);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** From the {@code <name>}, {@code <arch>} and {@code <version>} elements of an rpm repository's primary list, in order. */
    public static PackageIndex fromRpmPrimary(List<String> lines, Arch arch) {
        Map<String, List<String>> versions = new LinkedHashMap<>();
        String rpmArch = arch == Arch.AMD64 ? "x86_64" : "aarch64";
        String name = null;
        String packageArch = null;
        for (String line : lines) {
            Matcher n = RPM_NAME.matcher(line);
            Matcher a = RPM_ARCH.matcher(line);
            Matcher v = RPM_VERSION.matcher(line);
            if (n.find()) {
                name = n.group(1);
                packageArch = null;
            } else if (a.find()) {
                packageArch = a.group(1);
            } else if (v.find() && name != null && (rpmArch.equals(packageArch) || "noarch".equals(packageArch))) {
                versions.computeIfAbsent(name, k -> new ArrayList<>()).add(v.group(1) + "-" + v.group(2));
            }
        }
        return new PackageIndex(versions);
    }

    public boolean has(String pkg) {
        return versions.containsKey(pkg);
    }

    /** The repository's version of the package for exactly this Kubernetes release, the latest build if there are several. */
    public Optional<String> exact(String pkg, KubernetesVersion version) {
        return versions.getOrDefault(pkg, List.of()).stream().filter(v -> upstream(v).equals(version.toString()))
                .max(PackageIndex::compareVersions);
    }

    /** The upstream versions of the package the repository has, oldest first: {@code [1.34.0, 1.34.1, ...]}. */
    public List<String> upstreamVersions(String pkg) {
        var sorted = new TreeSet<String>(PackageIndex::compareVersions);
        versions.getOrDefault(pkg, List.of()).forEach(v -> sorted.add(upstream(v)));
        return List.copyOf(sorted);
    }

    /** {@code 1.34.3} of {@code 1.34.3-1.1}: the part before the packaging revision. */
    public static String upstream(String packageVersion) {
        String withoutEpoch = packageVersion.substring(packageVersion.indexOf(':') + 1);
        int dash = withoutEpoch.indexOf('-');
        return dash < 0 ? withoutEpoch : withoutEpoch.substring(0, dash);
    }

    /** Compares versions number by number ({@code 1.10} after {@code 1.9}), which is all these repositories need. */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("[^0-9]+");
        String[] y = b.split("[^0-9]+");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Comparator.<String>comparingInt(String::length).thenComparing(Comparator.naturalOrder())
                    .compare(x[i].replaceFirst("^0+(?=.)", ""), y[i].replaceFirst("^0+(?=.)", ""));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
