package dev.mast.ui.preview;

import dev.mast.files.NodeFile;

/** A file of the preview's tree: which node it is written to, and the file. */
public record PreviewFile(String node, NodeFile file) {

    private static final String KUBERNETES = "/etc/kubernetes/";

    /**
     * The path as the tree shows it: short under /etc/kubernetes (where most files are, and
     * where two files may share a name, like pki/ca.crt and pki/etcd/ca.crt), with a note for secrets.
     */
    public String label() {
        String path = file.path().startsWith(KUBERNETES) ? file.path().substring(KUBERNETES.length()) : file.path();
        return file.secret() ? path + " (private key)" : path;
    }

    @Override
    public String toString() {
        return label();
    }
}
