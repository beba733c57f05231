package dev.mast.plan;

/**
 * Where the nodes get what Mast installs: the Kubernetes programs, etcd and the component images.
 * Every URL left empty means the upstream one, so a plan says only what a site changes, such as an
 * air-gapped site's mirrors. The plan file's top-level {@code sources:}.
 *
 * @param kubernetes        packages from Kubernetes' repositories (the default), or release binaries
 * @param packageRepository a mirror of pkgs.k8s.io's repositories for the plan's minor release, laid out as
 *                          {@code https://pkgs.k8s.io/core:/stable:/v1.34}: the deb repository in its {@code deb/},
 *                          the rpm one in its {@code rpm/}
 * @param packageKey        the URL of the key that signs those repositories (ASCII armored); empty for the
 *                          repositories' own ({@code deb/Release.key}, {@code rpm/repodata/repomd.xml.key})
 * @param binaries          a mirror of {@code https://dl.k8s.io/release}: {@code <url>/v1.34.3/bin/linux/amd64/kubelet}
 * @param githubReleases    a mirror of {@code https://github.com} for the release files of cri-tools, the CNI
 *                          plugins and etcd: {@code <url>/etcd-io/etcd/releases/download/v3.6.5/...}
 * @param imageRegistry     a registry that stands in for {@code registry.k8s.io} ({@code host[:port]}, or an
 *                          {@code http://} or {@code https://} URL); empty to pull from registry.k8s.io
 * @param etcd              where etcd comes from
 */
public record Sources(ProgramSource kubernetes, String packageRepository, String packageKey, String binaries,
                      String githubReleases, String imageRegistry, EtcdSource etcd) {
    public static final String PKGS_K8S_IO = "https://pkgs.k8s.io";
    public static final String DL_K8S_IO = "https://dl.k8s.io/release";
    public static final String GITHUB = "https://github.com";
    public static final String REGISTRY_K8S_IO = "registry.k8s.io";
    /** Everything from upstream, packages for the Kubernetes programs and etcd from its image. */
    public static final Sources DEFAULT = new Sources(ProgramSource.PACKAGES, "", "", "", "", "", EtcdSource.IMAGE);

    public Sources {
        kubernetes = kubernetes == null ? ProgramSource.PACKAGES : kubernetes;
        packageRepository = packageRepository == null ? "" : packageRepository;
        packageKey = packageKey == null ? "" : packageKey;
        binaries = binaries == null ? "" : binaries;
        githubReleases = githubReleases == null ? "" : githubReleases;
        imageRegistry = imageRegistry == null ? "" : imageRegistry;
        etcd = etcd == null ? EtcdSource.IMAGE : etcd;
    }

    /** pkgs.k8s.io's repositories of one minor release, e.g. {@code https://pkgs.k8s.io/core:/stable:/v1.34}. */
    public static String upstreamPackageRepository(KubernetesVersion version) {
        return PKGS_K8S_IO + "/core:/stable:/v" + version.major() + "." + version.minor();
    }

    /** The repositories the nodes use for the plan's release, without a trailing slash. */
    public String packageRepositoryFor(KubernetesVersion version) {
        return packageRepository.isBlank() ? upstreamPackageRepository(version) : withoutSlash(packageRepository);
    }

    public String binariesUrl() {
        return binaries.isBlank() ? DL_K8S_IO : withoutSlash(binaries);
    }

    public String githubReleasesUrl() {
        return githubReleases.isBlank() ? GITHUB : withoutSlash(githubReleases);
    }

    /** Whether the component images come from a registry of the site's own. */
    public boolean mirrorsImages() {
        return !imageRegistry.isBlank();
    }

    public Sources withKubernetes(ProgramSource value) {
        return new Sources(value, packageRepository, packageKey, binaries, githubReleases, imageRegistry, etcd);
    }

    public Sources withPackageRepository(String value) {
        return new Sources(kubernetes, value, packageKey, binaries, githubReleases, imageRegistry, etcd);
    }

    public Sources withPackageKey(String value) {
        return new Sources(kubernetes, packageRepository, value, binaries, githubReleases, imageRegistry, etcd);
    }

    public Sources withBinaries(String value) {
        return new Sources(kubernetes, packageRepository, packageKey, value, githubReleases, imageRegistry, etcd);
    }

    public Sources withGithubReleases(String value) {
        return new Sources(kubernetes, packageRepository, packageKey, binaries, value, imageRegistry, etcd);
    }

    public Sources withImageRegistry(String value) {
        return new Sources(kubernetes, packageRepository, packageKey, binaries, githubReleases, value, etcd);
    }

    public Sources withEtcd(EtcdSource value) {
        return new Sources(kubernetes, packageRepository, packageKey, binaries, githubReleases, imageRegistry, value);
    }

    private static String withoutSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
