package dev.mast.node;

import java.nio.file.Path;

/**
 * A private key file offered to a host, in the order {@code ssh} offers them.
 *
 * @param written  the path as the plan or the configuration wrote it, for messages
 * @param named    whether the plan or the configuration named it (a default {@code ~/.ssh/id_*}
 *                 that does not exist is skipped silently, as ssh does)
 */
record IdentityFile(Path path, String written, boolean named) {
}
