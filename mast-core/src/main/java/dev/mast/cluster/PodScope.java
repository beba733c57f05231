package dev.mast.cluster;

import java.util.Optional;

/** Which pods a list shows: one namespace, or all of them ({@code kubectl get pods -A}). */
public record PodScope(Optional<String> namespace) {
    public PodScope {
        namespace.ifPresent(name -> {
            if (name.isBlank()) {
                throw new IllegalArgumentException("namespace must not be blank");
            }
        });
    }

    public static PodScope namespace(String name) {
        return new PodScope(Optional.of(name));
    }

    public static PodScope all() {
        return new PodScope(Optional.empty());
    }

    public boolean allNamespaces() {
        return namespace.isEmpty();
    }

    @Override
    public String toString() {
        return namespace.map(name -> "namespace " + name).orElse("all namespaces");
    }
}
