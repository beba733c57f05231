package dev.mast.sources;

import java.util.Optional;

/** A node's processor architecture, as Kubernetes' release files and images name it. */
public enum Arch {
    AMD64("amd64", "x86_64"),
    ARM64("arm64", "aarch64");

    private final String key;
    private final String machine;

    Arch(String key, String machine) {
        this.key = key;
        this.machine = machine;
    }

    /** {@code amd64}, {@code arm64}: the name in release file paths and image platforms. */
    public String key() {
        return key;
    }

    /** From {@code uname -m}; empty for an architecture Kubernetes publishes no release for here. */
    public static Optional<Arch> fromMachine(String unameM) {
        String value = unameM.trim();
        for (Arch arch : values()) {
            if (arch.machine.equals(value) || arch.key.equals(value)) {
                return Optional.of(arch);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return key;
    }
}
