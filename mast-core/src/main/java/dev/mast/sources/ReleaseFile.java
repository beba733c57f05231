package dev.mast.sources;

/**
 * A file a node downloads and checks before it uses it.
 *
 * @param name        the file's name, e.g. {@code kubelet} or {@code etcd-v3.6.5-linux-amd64.tar.gz}
 * @param url         where it is
 * @param checksumUrl its published SHA-256: a file of the hash alone, or of {@code <hash>  <name>} lines
 */
public record ReleaseFile(String name, String url, String checksumUrl) {
}
