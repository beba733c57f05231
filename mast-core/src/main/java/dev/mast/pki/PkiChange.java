package dev.mast.pki;

/**
 * Something {@link PkiStore#loadOrCreate} wrote: a credential created for the first time or
 * re-issued, and why. A second load of the same plan reports none.
 */
public record PkiChange(String name, Kind kind, String reason) {
    public enum Kind { CREATED, REISSUED }

    @Override
    public String toString() {
        return (kind == Kind.CREATED ? "created " : "re-issued ") + name + (reason.isEmpty() ? "" : " (" + reason + ")");
    }
}
