package dev.mast.sim.machine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a machine's package manager finds packages: the distribution's repository (always there,
 * without Kubernetes' packages, as Debian, Ubuntu and Rocky ship none), and the repositories the
 * node was given: apt sources in {@code /etc/apt/sources.list.d} ({@code .list} lines and deb822
 * {@code .sources}), read by {@code apt-get update} over the simulated internet and checked against
 * their {@code signed-by} keyring; {@code .repo} files in {@code /etc/yum.repos.d}, whose metadata
 * dnf downloads on each install, with their {@code exclude=} and {@code gpgkey}.
 */
public final class PackageSources {
    private static final String DISTRIBUTION_ORIGIN = "http://deb.debian.org/debian bookworm/main";
    private static final List<String> DISTRIBUTION_HOSTS = List.of("deb.debian.org", "archive.ubuntu.com", "security.ubuntu.com");
    private static final Pattern LIST_LINE = Pattern.compile("deb\\s+(?:\\[([^]]*)]\\s+)?(\\S+)\\s+(\\S+)(.*)");

    /** A package a repository offers, with where it comes from as {@code apt-cache madison} says it. */
    public record Candidate(PackageDef def, String origin) { }

    /** One apt source: a flat repository's URL and the keyring it must be signed with. */
    public record AptSource(String file, String url, String keyring) { }

    /** One dnf/yum repository of a {@code .repo} file. */
    public record YumRepo(String id, String baseUrl, boolean enabled, boolean gpgCheck, String gpgKey, List<String> exclude) { }

    /** A repository whose metadata dnf could not download; the message is dnf's. */
    public static final class RepoException extends Exception {
        public RepoException(String message) {
            super(message);
        }
    }

    private final Machine machine;
    private final PackageCatalog catalog;
    /** What {@code apt-get update} last read of each source. */
    private final Map<String, List<PackageDef>> aptLists = new LinkedHashMap<>();

    PackageSources(Machine machine, PackageCatalog catalog) {
        this.machine = machine;
        this.catalog = catalog;
    }

    private Network internet() {
        return machine.cluster().internet();
    }

    private List<Candidate> distribution(String name) {
        return catalog.find(name).filter(def -> catalog.inDistribution(name, machine.identity().os().family()))
                .map(def -> List.of(new Candidate(def, DISTRIBUTION_ORIGIN))).orElse(List.of());
    }

    /** The apt sources of the node, in file order; a line apt would refuse throws with apt's message. */
    public List<AptSource> aptSources() throws IOException, RepoException {
        String dir = "/etc/apt/sources.list.d";
        List<AptSource> sources = new ArrayList<>();
        if (!machine.fs().isDirectory(dir)) {
            return sources;
        }
        for (String name : machine.fs().list(dir).stream().sorted().toList()) {
            String path = dir + "/" + name;
            if (name.endsWith(".list")) {
                sources.addAll(listFile(path));
            } else if (name.endsWith(".sources")) {
                sources.addAll(deb822File(path));
            }
        }
        // The distribution's own archive is the simulator's distribution packages, always reachable.
        sources.removeIf(source -> DISTRIBUTION_HOSTS.stream().anyMatch(source.url()::contains));
        return sources;
    }

    private List<AptSource> listFile(String path) throws IOException, RepoException {
        List<AptSource> sources = new ArrayList<>();
        int number = 0;
        for (String raw : machine.fs().readString(path).split("\n")) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LIST_LINE.matcher(line);
            if (!m.matches()) {
                throw new RepoException("E: Malformed entry " + number + " in list file " + path + " (Component)\n"
                        + "E: The list of sources could not be read.");
            }
            sources.add(new AptSource(path, m.group(2), option(m.group(1), "signed-by")));
        }
        return sources;
    }

    private List<AptSource> deb822File(String path) throws IOException {
        List<AptSource> sources = new ArrayList<>();
        for (String stanza : machine.fs().readString(path).split("\n\\s*\n")) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : stanza.split("\n")) {
                int colon = line.indexOf(':');
                if (!line.startsWith("#") && colon > 0) {
                    fields.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
            if (fields.getOrDefault("Types", "").contains("deb") && fields.containsKey("URIs")) {
                for (String url : fields.get("URIs").split("\\s+")) {
                    sources.add(new AptSource(path, url, fields.getOrDefault("Signed-By", "")));
                }
            }
        }
        return sources;
    }

    private static String option(String options, String key) {
        if (options == null) {
            return "";
        }
        for (String option : options.trim().split("\\s+")) {
            if (option.startsWith(key + "=")) {
                return option.substring(key.length() + 1);
            }
        }
        return "";
    }

    /** {@code apt-get update}: reads every source, printing apt's lines; the exit status apt would have. */
    public int aptUpdate(Consumer<String> out, Consumer<String> err) throws IOException {
        List<AptSource> sources;
        try {
            sources = aptSources();
        } catch (RepoException e) {
            err.accept(e.getMessage());
            return 100;
        }
        int number = 1;
        out.accept("Hit:" + number++ + " http://deb.debian.org/debian bookworm InRelease");
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (AptSource source : sources) {
            String base = source.url().endsWith("/") ? source.url() : source.url() + "/";
            String label = base.substring(0, base.length() - 1) + "  InRelease";
            Network.Result release = internet().get(machine.identity().hostName(), base + "InRelease");
            if (release.failure().isPresent()) {
                out.accept("Err:" + number++ + " " + label);
                out.accept("  " + release.failure().get().message());
                warnings.add("W: Failed to fetch " + base + "InRelease  " + release.failure().get().message());
                continue;
            }
            if (release.response().orElseThrow().status() != 200) {
                out.accept("Ign:" + number++ + " " + label);
                errors.add("E: The repository '" + base.substring(0, base.length() - 1) + "  Release' does not have a Release file.");
                aptLists.remove(source.url());
                continue;
            }
            if (!trusts(source.keyring())) {
                out.accept("Get:" + number++ + " " + label);
                warnings.add("W: GPG error: " + label + ": The following signatures couldn't be verified because the public key"
                        + " is not available: NO_PUBKEY " + internet().keyId());
                errors.add("E: The repository '" + label + "' is not signed.");
                aptLists.remove(source.url());
                continue;
            }
            out.accept("Get:" + number++ + " " + label);
            out.accept("Get:" + number++ + " " + base.substring(0, base.length() - 1) + "  Packages");
            aptLists.put(source.url(), internet().repository(base, machine.arch()).orElse(List.of()));
        }
        out.accept("Reading package lists...");
        warnings.forEach(err);
        if (!warnings.isEmpty()) {
            err.accept("W: Some index files failed to download. They have been ignored, or old ones used instead.");
        }
        errors.forEach(err);
        aptLists.keySet().retainAll(sources.stream().map(AptSource::url).toList());
        return errors.isEmpty() ? 0 : 100;
    }

    /** Whether the keyring file holds the key the Kubernetes repositories are signed with. */
    private boolean trusts(String keyring) throws IOException {
        return !keyring.isEmpty() && machine.fs().isFile(keyring) && machine.fs().readString(keyring).contains(internet().keyId());
    }

    /** Every version apt can install of a package, newest first. */
    public List<Candidate> aptCandidates(String name) {
        List<Candidate> candidates = new ArrayList<>(distribution(name));
        aptLists.forEach((url, defs) -> defs.stream().filter(def -> def.name().equals(name))
                .forEach(def -> candidates.add(new Candidate(def, url + " Packages"))));
        candidates.sort((a, b) -> compare(b.def().version(), a.def().version()));
        return candidates;
    }

    /** The node's enabled and disabled dnf/yum repositories. */
    public List<YumRepo> yumRepos() throws IOException {
        String dir = "/etc/yum.repos.d";
        List<YumRepo> repos = new ArrayList<>();
        if (!machine.fs().isDirectory(dir)) {
            return repos;
        }
        for (String name : machine.fs().list(dir).stream().filter(n -> n.endsWith(".repo")).sorted().toList()) {
            String id = null;
            Map<String, String> keys = new LinkedHashMap<>();
            for (String raw : (machine.fs().readString(dir + "/" + name) + "\n[]").split("\n")) {
                String line = raw.strip();
                if (line.startsWith("[") && line.endsWith("]")) {
                    if (id != null && !id.isEmpty()) {
                        repos.add(new YumRepo(id, keys.getOrDefault("baseurl", ""), !"0".equals(keys.get("enabled")),
                                "1".equals(keys.get("gpgcheck")), keys.getOrDefault("gpgkey", ""),
                                List.of(keys.getOrDefault("exclude", "").trim().split("[\\s,]+"))));
                    }
                    id = line.substring(1, line.length() - 1);
                    keys.clear();
                } else if (line.contains("=") && !line.startsWith("#")) {
                    keys.put(line.substring(0, line.indexOf('=')).trim(), line.substring(line.indexOf('=') + 1).trim());
                }
            }
        }
        return repos;
    }

    /**
     * Every version dnf can install of a package, newest first, downloading each enabled repository's metadata as dnf
     * does; a repository it cannot reach fails the command.
     *
     * @param excludesLifted the repositories whose {@code exclude=} {@code --disableexcludes} lifts ({@code all} for every one)
     */
    public List<Candidate> yumCandidates(String name, Set<String> excludesLifted) throws IOException, RepoException {
        List<Candidate> candidates = new ArrayList<>(distribution(name));
        for (YumRepo repo : yumRepos()) {
            // The distribution's own repositories (a mirrorlist, no baseurl) are the simulator's distribution packages.
            if (!repo.enabled() || repo.baseUrl().isEmpty()) {
                continue;
            }
            String base = repo.baseUrl().endsWith("/") ? repo.baseUrl() : repo.baseUrl() + "/";
            Network.Result metadata = internet().get(machine.identity().hostName(), base + "repodata/repomd.xml");
            if (metadata.failure().isPresent() || metadata.response().orElseThrow().status() != 200) {
                String why = metadata.failure().map(f -> "Curl error (" + f.curlExit() + "): " + f.message())
                        .orElse("Status code: " + metadata.response().map(r -> r.status()).orElse(0));
                throw new RepoException("Errors during downloading metadata for repository '" + repo.id() + "':\n  - " + why
                        + " for " + base + "repodata/repomd.xml\nError: Failed to download metadata for repo '" + repo.id()
                        + "': Cannot download repomd.xml: Cannot download repodata/repomd.xml: All mirrors were tried");
            }
            boolean excluded = repo.exclude().contains(name) && !excludesLifted.contains(repo.id()) && !excludesLifted.contains("all");
            if (!excluded) {
                internet().repository(base, machine.arch()).orElse(List.of()).stream().filter(def -> def.name().equals(name))
                        .forEach(def -> candidates.add(new Candidate(def, repo.id())));
            }
        }
        candidates.sort((a, b) -> compare(b.def().version(), a.def().version()));
        return candidates;
    }

    /** The repository a candidate came from, to check its signature key before installing it. */
    public Optional<YumRepo> yumRepo(String id) throws IOException {
        return yumRepos().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Compares package versions number by number, which is all the simulated repositories need. */
    public static int compare(String a, String b) {
        String[] x = a.split("[^0-9]+");
        String[] y = b.split("[^0-9]+");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i].isEmpty() || y[i].isEmpty()) {
                continue;
            }
            int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
