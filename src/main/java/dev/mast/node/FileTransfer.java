package dev.mast.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes and reads files on a node as root. An upload goes by SFTP into a private temp
 * directory of the SSH user, then one root shell step copies it next to the target, sets mode
 * and owner, and renames it over the target: readers never see a half-written file, and a
 * failure leaves the old file as it was.
 */
final class FileTransfer {
    private static final Logger LOG = LoggerFactory.getLogger(FileTransfer.class);
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?");

    private final Link link;
    private final Sudo sudo;

    FileTransfer(Link link, Sudo sudo) {
        this.link = link;
        this.sudo = sudo;
    }

    void upload(String remotePath, byte[] content, int mode, String owner) throws NodeException {
        checkPath(remotePath);
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("file mode must be between 0000 and 7777 (octal), not "
                    + Integer.toOctalString(mode));
        }
        if (owner != null && !OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("file owner must be user or user:group, not \"" + owner + "\"");
        }
        byte[] bytes = content.clone();
        sudo.prepare(link);
        String action = "uploading " + remotePath;
        // Safe to repeat as a whole: every attempt writes the same bytes through a fresh temp file.
        link.call(action, true, STEP_TIMEOUT, client -> {
            OutputCapture mktemp = new OutputCapture();
            // mktemp -d makes the directory private (0700) to the SSH user.
            run(client, action, "mktemp -d", "mktemp -d /tmp/mast-upload.XXXXXXXX", false, mktemp);
            String stage = mktemp.stdout().strip();
            String temp = besideTarget(remotePath);
            try {
                String staged = stage + "/content";
                write(client, action, staged, bytes);
                refuseDirectory(client, action, remotePath);
                run(client, action, "install " + remotePath, placeScript(staged, remotePath, temp, mode, owner), true,
                        LineSink.DISCARD);
            } finally {
                removeQuietly(client, stage, temp);
            }
            return null;
        });
    }

    Optional<byte[]> read(String remotePath) throws NodeException {
        checkPath(remotePath);
        sudo.prepare(link);
        String action = "reading " + remotePath;
        String path = Shell.quote(remotePath);
        return link.call(action, true, STEP_TIMEOUT, client -> {
            if (status(client, "test -e " + path) != 0) {
                return Optional.empty();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] stdin = sudo.stdin(new byte[0], true);
            Exec.Outcome outcome = link.exec(client, new Exec.Spec(sudo.commandLine("cat -- " + path, true), stdin,
                    STEP_TIMEOUT, LineSink.DISCARD, out));
            Arrays.fill(stdin, (byte) 0);
            if (outcome.status() != 0) {
                throw new CommandFailedException(link.node(), action, "cat " + remotePath, outcome.status(),
                        outcome.lastLines());
            }
            return Optional.of(out.toByteArray());
        });
    }

    private int status(SSHClient client, String script) throws NodeException, IOException, TimeoutException, InterruptedException {
        byte[] stdin = sudo.stdin(new byte[0], true);
        try {
            return link.exec(client, new Exec.Spec(sudo.commandLine(script, true), stdin, STEP_TIMEOUT, LineSink.DISCARD, null))
                    .status();
        } finally {
            Arrays.fill(stdin, (byte) 0);
        }
    }

    private void refuseDirectory(SSHClient client, String action, String target)
            throws NodeException, IOException, TimeoutException, InterruptedException {
        if (status(client, "test -d " + Shell.quote(target)) == 0) {
            throw new CommandFailedException(link.node(), action, "install " + target, 1,
                    List.of(target + " is a directory"));
        }
    }

    private static String besideTarget(String target) {
        String dir = target.substring(0, target.lastIndexOf('/') + 1);
        return dir + "." + target.substring(dir.length()) + ".mast-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Copy beside the target (same file system, so the rename is atomic), then rename over it.
     * One plain and-list, so it runs on any sh, and stops at the first failure.
     */
    private static String placeScript(String staged, String target, String temp, int mode, String owner) {
        String dir = target.substring(0, target.lastIndexOf('/') + 1);
        return "mkdir -p -- " + Shell.quote(dir)
                + " && cp -- " + Shell.quote(staged) + " " + Shell.quote(temp)
                + " && chmod " + Integer.toOctalString(mode) + " " + Shell.quote(temp)
                + (owner == null ? "" : " && chown " + owner + " " + Shell.quote(temp))
                + " && mv -f -- " + Shell.quote(temp) + " " + Shell.quote(target);
    }

    private void run(SSHClient client, String action, String name, String script, boolean asRoot, LineSink sink)
            throws NodeException, IOException, TimeoutException, InterruptedException {
        byte[] stdin = sudo.stdin(new byte[0], asRoot);
        try {
            Exec.Outcome outcome = link.exec(client, new Exec.Spec(sudo.commandLine(script, asRoot), stdin,
                    STEP_TIMEOUT, sink, null));
            if (outcome.status() != 0) {
                throw new CommandFailedException(link.node(), action, name, outcome.status(), outcome.lastLines());
            }
        } finally {
            Arrays.fill(stdin, (byte) 0);
        }
    }

    /** Best effort: the staged copy is in a private directory, and a failure here must not hide the real one. */
    private void removeQuietly(SSHClient client, String stage, String temp) throws InterruptedException {
        try {
            run(client, "removing " + stage, "rm -rf " + stage, "rm -rf -- " + Shell.quote(stage), false, LineSink.DISCARD);
            run(client, "removing " + temp, "rm -f " + temp, "rm -f -- " + Shell.quote(temp), true, LineSink.DISCARD);
        } catch (NodeException | IOException | TimeoutException e) {
            LOG.debug("{}: could not remove temp dir {}: {}", link.node(), stage, e.getMessage());
        }
    }

    private void write(SSHClient client, String action, String path, byte[] bytes)
            throws NodeException, IOException, InterruptedException {
        try {
            link.withSftp(client, sftp -> {
                FileAttributes privateFile = new FileAttributes.Builder().withPermissions(0600).build();
                try (RemoteFile file = sftp.open(path, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.EXCL),
                        privateFile)) {
                    int chunk = 32 * 1024;
                    for (int offset = 0; offset < bytes.length; offset += chunk) {
                        file.write(offset, bytes, offset, Math.min(chunk, bytes.length - offset));
                    }
                }
                return null;
            });
        } catch (SFTPException e) {
            if (!client.isConnected()) {
                throw e;
            }
            throw new CommandFailedException(link.node(), action, "sftp put " + path, -1,
                    List.of(String.valueOf(e.getMessage())));
        }
    }

    private static void checkPath(String remotePath) {
        if (remotePath == null || !remotePath.startsWith("/") || remotePath.endsWith("/")
                || remotePath.contains("\n") || remotePath.contains("\0")) {
            throw new IllegalArgumentException("remote path must be an absolute file path, not \"" + remotePath + "\"");
        }
    }
}
