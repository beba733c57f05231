package dev.mast.plan;

import java.util.Optional;

/**
 * Whether a node can log in on this machine other than with the key file its plan names: an
 * ssh-agent with keys, or a key file {@code ~/.ssh/config} or {@code ssh}'s defaults name. The
 * SSH layer answers; the plan only asks, so validation stays free of SSH.
 */
@FunctionalInterface
public interface LoginMeans {
    /** Nothing but the plan's key file: what validation assumed before agents and configs. */
    LoginMeans NONE = node -> Optional.empty();

    /** A few words about the other way, e.g. "the ssh-agent (2 keys)", or empty when there is none. */
    Optional<String> besidesKeyFile(Node node);
}
