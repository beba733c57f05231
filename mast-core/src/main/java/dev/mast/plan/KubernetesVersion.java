package dev.mast.plan;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A supported Kubernetes release and the image tags that go with it. A plan may name a
 * minor release ({@code 1.33}); it then gets the patch release Mast was tested with.
 */
public record KubernetesVersion(int major, int minor, int patch) {
    public static final int OLDEST_MINOR = 31;
    public static final int NEWEST_MINOR = 34;

    /** At most nine digits a number, so each fits an int; a longer one is not a version. */
    private static final Pattern FORMAT = Pattern.compile("v?(\\d{1,9})\\.(\\d{1,9})(?:\\.(\\d{1,9}))?");

    /** Per minor release: default patch, etcd, pause and CoreDNS tags, as kubeadm pins them. */
    private record Release(int patch, String etcd, String pause, String coreDns) { }

    private static final Map<Integer, Release> RELEASES = Map.of(
            31, new Release(14, "3.5.24-0", "3.10", "v1.11.3"),
            32, new Release(11, "3.5.24-0", "3.10", "v1.11.3"),
            33, new Release(7, "3.5.24-0", "3.10", "v1.12.0"),
            34, new Release(3, "3.6.5-0", "3.10.1", "v1.12.1"));

    public static final KubernetesVersion DEFAULT = new KubernetesVersion(1, NEWEST_MINOR, RELEASES.get(NEWEST_MINOR).patch());

    /** Parses {@code 1.33}, {@code 1.33.4} or {@code v1.33.4}; empty if the text is not a version at all. */
    public static Optional<KubernetesVersion> parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        Release release = major == 1 ? RELEASES.get(minor) : null;
        int patch = m.group(3) != null ? Integer.parseInt(m.group(3)) : release != null ? release.patch() : 0;
        return Optional.of(new KubernetesVersion(major, minor, patch));
    }

    public boolean isSupported() {
        return major == 1 && RELEASES.containsKey(minor);
    }

    /** The image tag of the Kubernetes components, e.g. {@code v1.33.7}. */
    public String tag() {
        return "v" + this;
    }

    public String etcdTag() {
        return release().etcd();
    }

    public String pauseTag() {
        return release().pause();
    }

    public String coreDnsTag() {
        return release().coreDns();
    }

    private Release release() {
        Release release = major == 1 ? RELEASES.get(minor) : null;
        if (release == null) {
            throw new IllegalStateException("Kubernetes " + this + " is not supported (1." + OLDEST_MINOR + " to 1." + NEWEST_MINOR + ")");
        }
        return release;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
