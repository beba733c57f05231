package dev.mast.plan;

import java.util.List;

/**
 * What the API server's serving certificate names besides what Mast puts there itself (each
 * master, the control plane endpoint, the {@code kubernetes} service): other DNS names and
 * addresses clients reach it by, such as a load balancer's short name.
 *
 * @param extraSans DNS names ({@code *.} wildcards allowed) and IPv4 addresses, as written
 */
public record ApiServerCert(List<String> extraSans) {
    public static final ApiServerCert NONE = new ApiServerCert(List.of());

    public ApiServerCert {
        extraSans = extraSans == null ? List.of() : List.copyOf(extraSans);
    }
}
