package dev.mast.manifest;

/**
 * The plan cannot be turned into a node's files: a node that is not in the plan, a flag name that
 * cannot be written as a flag, a plan without etcd. The message says what and where; nothing has
 * been written anywhere when it is thrown.
 */
public final class ManifestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ManifestException(String message) {
        super(message);
    }
}
