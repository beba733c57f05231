package dev.mast.workflow.tasks;

import dev.mast.sources.ReleaseFile;
import dev.mast.workflow.Remote;
import dev.mast.workflow.RemoteCommandException;
import dev.mast.workflow.Sh;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Downloads a release file on the node and checks it against its published SHA-256 before anything
 * uses it, as kubeadm's guide does with {@code sha256sum --check}: the checksum is fetched first (the
 * hash alone, or the file's line of a {@code SHA256SUMS}), the file goes to a staging folder, and only
 * a file that matches is kept.
 */
final class ReleaseDownload {
    /** Where files wait until they check out; root's only. */
    static final String STAGING = "/var/tmp/mast-downloads";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String CURL = "curl -fsSL --retry 3 --connect-timeout 20 ";

    private ReleaseDownload() {
    }

    /** The file's published SHA-256, read on the node (the node reaches the mirror; Mast's machine may not). */
    static String checksum(Remote remote, ReleaseFile file) throws Exception {
        Remote.Output output = remote.query(CURL + Sh.quote(file.checksumUrl()) + " 2>&1");
        if (output.exitStatus() != 0 && remote.records()) {
            // A dry run's node may not reach the file yet; what it would check against is all the dry run shows.
            return "<the SHA-256 in " + file.checksumUrl() + ">";
        }
        if (output.exitStatus() != 0) {
            throw new SourceException("could not read the checksum of " + file.name() + " at " + file.checksumUrl() + ": "
                    + String.join(" ", output.lastLines()));
        }
        for (String line : output.stdout()) {
            String[] words = line.trim().split("\\s+\\*?");
            boolean forThisFile = words.length == 1 || words[words.length - 1].equals(file.name());
            if (forThisFile && SHA256.matcher(words[0]).matches()) {
                return words[0];
            }
        }
        throw new SourceException(file.checksumUrl() + " holds no SHA-256 for " + file.name());
    }

    /** Downloads the file to the staging folder and checks it; returns its path there. Removes it if it does not match. */
    static String fetch(Remote remote, ReleaseFile file) throws Exception {
        String hash = checksum(remote, file);
        String staged = STAGING + "/" + file.name();
        try {
            remote.run("mkdir -p " + STAGING + " && chmod 0700 " + STAGING + " && " + CURL + "-o " + Sh.quote(staged) + " "
                    + Sh.quote(file.url()) + " && echo " + Sh.quote(hash + "  " + staged) + " | sha256sum -c");
        } catch (RemoteCommandException e) {
            remote.exec("rm -f " + Sh.quote(staged));
            if (e.getMessage().contains(": FAILED")) {
                throw new SourceException(file.name() + " from " + file.url() + " does not match its published SHA-256 " + hash
                        + ": the download is damaged, or the site serves another file than it publishes the checksum of");
            }
            throw new SourceException("could not download " + file.name() + " from " + file.url() + ": " + e.getMessage());
        }
        return staged;
    }

    /** Removes staged files once they are installed. */
    static void clean(Remote remote, List<String> staged) throws Exception {
        if (!staged.isEmpty()) {
            remote.run("rm -f " + Sh.words(staged));
        }
    }
}
