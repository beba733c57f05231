package dev.mast.plan;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One check per kind of field, each returning what is wrong with a value (empty if nothing).
 * {@link PlanValidator} builds on them; a form can also call one directly to check a field
 * as it is typed. Messages say what is wrong and what to write instead.
 */
public final class FieldChecks {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern FLAG_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private FieldChecks() {
    }

    public static Optional<String> ipv4(String value) {
        if (value.isEmpty()) {
            return Optional.of("is empty; enter an IPv4 address such as 10.0.0.1");
        }
        return Cidr.parseIpv4(value).isPresent()
                ? Optional.empty()
                : Optional.of(quote(value) + " is not an IPv4 address");
    }

    /** Whether the text is an IPv4 address in 127.0.0.0/8. */
    public static boolean isLoopback(String value) {
        return Cidr.parseIpv4(value).map(address -> address >>> 24 == 127).orElse(false);
    }

    /** A network in CIDR notation whose host bits are zero. */
    public static Optional<String> cidr(String value) {
        if (value.isEmpty()) {
            return Optional.of("is empty; enter a network such as 10.96.0.0/12");
        }
        if (Cidr.parse(value).isPresent()) {
            return Optional.empty();
        }
        int slash = value.indexOf('/');
        Optional<Long> address = slash < 0 ? Optional.empty() : Cidr.parseIpv4(value.substring(0, slash));
        String prefix = slash < 0 ? "" : value.substring(slash + 1);
        if (address.isEmpty() || !prefix.matches("\\d{1,2}") || Integer.parseInt(prefix) > 32) {
            return Optional.of(quote(value) + " is not a CIDR; write an IPv4 network and prefix length such as 10.96.0.0/12");
        }
        long mask = Integer.parseInt(prefix) == 0 ? 0 : (0xFFFFFFFFL << (32 - Integer.parseInt(prefix))) & 0xFFFFFFFFL;
        String network = Cidr.format(address.get() & mask) + "/" + prefix;
        return Optional.of(quote(value) + " has host bits set: the address of a /" + prefix + " network ends in zero bits; did you mean " + network + "?");
    }

    /** A DNS-1123 label: what Kubernetes requires of node names and what a cluster name must be. */
    public static Optional<String> dnsLabel(String value) {
        if (value.isEmpty()) {
            return Optional.of("is empty");
        }
        if (DNS_LABEL.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(quote(value) + " is not a DNS label: use at most 63 lowercase letters, digits and '-',"
                + " starting and ending with a letter or digit");
    }

    /** A DNS name of one or more labels separated by dots, at most 253 characters. */
    public static Optional<String> dnsName(String value) {
        if (value.isEmpty()) {
            return Optional.of("is empty; enter a DNS name such as cluster.local");
        }
        boolean valid = value.length() <= 253;
        for (String label : value.split("\\.", -1)) {
            valid &= DNS_LABEL.matcher(label).matches();
        }
        return valid ? Optional.empty() : Optional.of(quote(value) + " is not a DNS name: use labels of lowercase"
                + " letters, digits and '-' separated by dots, such as cluster.local");
    }

    public static Optional<String> port(int value) {
        return value >= 1 && value <= 65535
                ? Optional.empty()
                : Optional.of(value + " is not a port number; use a number from 1 to 65535");
    }

    /** {@code host} or {@code host:port}, the host being a DNS name or an IPv4 address. */
    public static Optional<String> hostPort(String value) {
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? value : value.substring(0, colon);
        String port = colon < 0 ? "443" : value.substring(colon + 1);
        boolean hostOk = Cidr.parseIpv4(host).isPresent() || dnsName(host).isEmpty();
        boolean portOk = PORT.matcher(port).matches() && port(Integer.parseInt(port)).isEmpty();
        return hostOk && portOk ? Optional.empty() : Optional.of(quote(value) + " is not host[:port]; write a DNS name"
                + " or IPv4 address, optionally with a port from 1 to 65535, such as lb.example.com:6443");
    }

    /** A Kubernetes version Mast can install. */
    public static Optional<String> kubernetesVersion(String value) {
        Optional<KubernetesVersion> version = KubernetesVersion.parse(value);
        if (version.isEmpty()) {
            return Optional.of(quote(value) + " is not a Kubernetes version; write it like 1.34 or 1.34.3");
        }
        if (!version.get().isSupported()) {
            return Optional.of("Kubernetes " + version.get() + " is not supported; Mast installs 1."
                    + KubernetesVersion.OLDEST_MINOR + " to 1." + KubernetesVersion.NEWEST_MINOR);
        }
        return Optional.empty();
    }

    /**
     * An {@code http://} or {@code https://} URL the nodes download from. Credentials are refused: a plan is no place
     * for them (give the mirror its own access control, or the nodes a netrc).
     */
    public static Optional<String> url(String value) {
        String example = "such as https://mirror.example.com/kubernetes";
        if (value.isBlank()) {
            return Optional.of("is empty; enter a URL " + example);
        }
        Optional<java.net.URI> uri = uri(value.trim());
        if (uri.isEmpty() || uri.get().getScheme() == null || !uri.get().getScheme().matches("(?i)https?")
                || uri.get().getHost() == null) {
            return Optional.of(quote(value) + " is not an http:// or https:// URL; write one " + example);
        }
        if (uri.get().getRawUserInfo() != null) {
            return Optional.of("the URL names a user or password; credentials do not belong in a plan, which is shared"
                    + " and shown: let the mirror admit the nodes another way");
        }
        return Optional.empty();
    }

    /**
     * A container registry: {@code host[:port]} (HTTPS), or an {@code http://} or {@code https://} URL, optionally
     * with the path the registry serves its API under.
     */
    public static Optional<String> registry(String value) {
        String text = value.trim();
        String example = "; write host[:port] or a URL, such as registry.example.com:5000 or http://10.0.0.5:5000";
        if (text.isEmpty()) {
            return Optional.of("is empty" + example);
        }
        if (!text.contains("://")) {
            return hostPort(text).isEmpty() ? Optional.empty() : Optional.of(quote(value) + " is not a registry" + example);
        }
        return url(text).map(problem -> problem.startsWith("the URL") ? problem : quote(value) + " is not a registry" + example);
    }

    private static Optional<java.net.URI> uri(String text) {
        if (text.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new java.net.URI(text));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The name of an extra flag of a component: well formed and not one Mast sets itself. */
    public static Optional<String> extraFlag(Component component, String name) {
        if (name.startsWith("-")) {
            String bare = name.replaceFirst("^-+", "");
            return Optional.of(quote(name) + ": write it without --, as " + quote(bare));
        }
        if (!FLAG_NAME.matcher(name).matches()) {
            return Optional.of(quote(name) + " is not a flag name; flag names are lowercase letters, digits and '-',"
                    + " such as audit-log-maxage");
        }
        if (ManagedFlags.isManaged(component, name)) {
            String instead = component == Component.KUBELET && name.equals("cluster-dns") ? "; set cluster.clusterDns.serviceIp instead"
                    : component == Component.KUBELET && name.equals("cluster-domain") ? "; set cluster.dnsDomain instead" : "";
            return Optional.of("--" + name + " is set by Mast on " + component.key() + " from the plan;"
                    + " remove it from extraFlags" + instead);
        }
        return Optional.empty();
    }

    /**
     * A flag's value goes into a manifest's command line and a unit's ExecStart as one argument: a line
     * break or another control character would end the line or change what the next line says.
     */
    public static Optional<String> flagValue(String value) {
        return value.codePoints().anyMatch(SafeText::isControl)
                ? Optional.of("the value " + quote(value) + " holds a line break or another control character;"
                        + " a flag's value is one line of text")
                : Optional.empty();
    }

    /** An extra name of the API server's certificate: a DNS name, a {@code *.} wildcard name or an IPv4 address. */
    public static Optional<String> subjectAltName(String value) {
        if (value.isBlank()) {
            return Optional.of("is empty; enter a DNS name or an IPv4 address, or remove the entry");
        }
        String name = value.startsWith("*.") ? value.substring(2) : value;
        if (Cidr.parseIpv4(value).isPresent() || (dnsName(name).isEmpty() && !name.matches("[0-9.]+"))) {
            return Optional.empty();
        }
        return Optional.of(quote(value) + " is neither a DNS name (such as kube.example.com or *.example.com) nor an IPv4 address");
    }

    static String quote(String value) {
        return SafeText.quote(value);
    }
}
