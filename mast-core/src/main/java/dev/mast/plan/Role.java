package dev.mast.plan;

import java.util.Locale;

/** What a node does in the cluster; a node may have several roles. */
public enum Role {
    ETCD, MASTER, WORKER, INGRESS;

    /** The name used in plan files: {@code etcd}, {@code master}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromKey(String key) {
        for (Role role : values()) {
            if (role.key().equals(key)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role \"" + key + "\" (expected etcd, master, worker or ingress)");
    }
}
