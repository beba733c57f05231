package dev.mast.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * How clients reached a Kismatic cluster's API servers: {@code master.load_balancer}
 * ({@code host:port}, v1.11 and later) or the older {@code master.load_balanced_fqdn} (port 6443)
 * become the plan's control plane endpoint, and the other names Kismatic put in the API server's
 * certificate ({@code load_balanced_short_name}, {@code apiserver_cert_extra_sans}) its extra
 * names, so clients using them keep passing TLS.
 */
final class KismaticEndpoint {
    private static final String LOAD_BALANCER = "master.load_balancer";
    private static final String FQDN = "master.load_balanced_fqdn";
    private static final String EXTRA_SANS = "cluster.certificates.apiserver_cert_extra_sans";

    private KismaticEndpoint() {
    }

    static String controlPlaneEndpoint(KismaticTree tree) {
        Optional<String> balancer = tree.text(LOAD_BALANCER).map(String::trim);
        Optional<String> fqdn = tree.text(FQDN).map(String::trim);
        if (balancer.isPresent()) {
            if (fqdn.isPresent() && !host(fqdn.get()).equals(host(balancer.get()))) {
                tree.warn(FQDN, "is deprecated since KET v1.11 and names another host than " + LOAD_BALANCER
                        + "; the plan's controlPlaneEndpoint is " + LOAD_BALANCER);
            }
            return withPort(balancer.get());
        }
        return fqdn.map(KismaticEndpoint::withPort).orElse("");
    }

    /** Names of the API server's certificate besides those Mast adds itself (the endpoint's host among them). */
    static ApiServerCert certificateNames(KismaticTree tree) {
        Set<String> names = new LinkedHashSet<>();
        tree.text("master.load_balanced_short_name").map(String::trim).ifPresent(names::add);
        names.addAll(extraSans(tree));
        names.remove("");
        tree.text(LOAD_BALANCER).or(() -> tree.text(FQDN)).map(KismaticEndpoint::host).ifPresent(names::remove);
        return new ApiServerCert(List.copyOf(names));
    }

    /** Kismatic wrote them as one comma-separated string; a list is taken too. */
    private static List<String> extraSans(KismaticTree tree) {
        var names = new ArrayList<String>();
        if (tree.node(EXTRA_SANS).filter(n -> n instanceof SequenceNode).isPresent()) {
            tree.use(EXTRA_SANS);
            for (int i = 0; i < tree.size(EXTRA_SANS); i++) {
                tree.text(EXTRA_SANS + "[" + i + "]").ifPresent(name -> names.add(name.trim()));
            }
        } else {
            tree.text(EXTRA_SANS).ifPresent(text -> {
                for (String name : text.split(",")) {
                    names.add(name.trim());
                }
            });
        }
        return names;
    }

    private static String withPort(String address) {
        return address.contains(":") ? address : address + ":" + KismaticImport.KISMATIC_API_PORT;
    }

    private static String host(String address) {
        int colon = address.lastIndexOf(':');
        return (colon < 0 ? address : address.substring(0, colon)).trim();
    }
}
