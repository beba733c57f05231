package dev.mast.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import net.schmizz.concurrent.Promise;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.PacketType;
import net.schmizz.sshj.sftp.Response;
import net.schmizz.sshj.sftp.SFTPEngine;
import net.schmizz.sshj.sftp.SFTPException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes and reads files on a node as root. An upload goes by SFTP into a private folder of the
 * SSH user that SFTP makes, then one root shell step copies each file next to its target, sets
 * mode and owner, renames it over the target and removes the folder: readers never see a
 * half-written file, and a failure leaves the old file as it was.
 */
final class FileTransfer {
    private static final Logger LOG = LoggerFactory.getLogger(FileTransfer.class);
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);
    /** How a read says the file is not there: a status neither sudo, the shell nor cat exits with. */
    private static final int ABSENT = 44;
    /** The bytes one SFTP write request carries (what OpenSSH's sftp client sends too). */
    private static final int CHUNK = 32 * 1024;

    private final Link link;
    private final Sudo sudo;

    FileTransfer(Link link, Sudo sudo) {
        this.link = link;
        this.sudo = sudo;
    }

    void upload(String remotePath, byte[] content, int mode, String owner) throws NodeException {
        uploadAll(List.of(new Upload(remotePath, content, mode, owner)));
    }

    /**
     * Uploads files together: one SFTP session that makes a private folder and writes them all, then
     * one root step that places each file atomically and cleans up. A few round trips for the set
     * instead of several for every file; each file is still replaced by a rename, never half-written.
     */
    void uploadAll(List<Upload> uploads) throws NodeException {
        if (uploads.isEmpty()) {
            return;
        }
        sudo.prepare(link);
        String action = uploads.size() == 1 ? "uploading " + uploads.get(0).path() : "uploading " + uploads.size() + " files";
        // Safe to repeat as a whole: every attempt writes the same bytes through fresh temp files.
        link.call(action, true, STEP_TIMEOUT, client -> {
            // A name no one can guess, so no one can put a folder or link in the staging folder's place beforehand.
            String stage = "/tmp/mast-upload." + UUID.randomUUID();
            List<String> temps = uploads.stream().map(u -> besideTarget(u.path())).toList();
            boolean placed = false;
            try {
                write(client, action, stage, uploads);
                // One root step for the whole set: no target may be a directory (mv would move the file into it),
                // then each file is placed, then the staging folder goes.
                List<String> steps = new ArrayList<>();
                uploads.forEach(u -> steps.add("test ! -d " + Shell.quote(u.path())));
                for (int i = 0; i < uploads.size(); i++) {
                    Upload u = uploads.get(i);
                    steps.add(placeScript(stage + "/" + i, u.path(), temps.get(i), u.mode(), u.owner()));
                }
                steps.add("rm -rf -- " + Shell.quote(stage));
                String name = uploads.size() == 1 ? "install " + uploads.get(0).path() : "install " + uploads.size() + " files";
                Exec.Outcome outcome = exec(client, String.join(" && ", steps), true);
                if (outcome.status() != 0) {
                    refuseDirectories(client, action, uploads);
                    throw new CommandFailedException(link.node(), action, name, outcome.status(), outcome.lastLines());
                }
                placed = true;
            } finally {
                if (!placed) {
                    removeQuietly(client, stage, temps);
                }
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
            // One round trip: whether the file exists and its content come back together (reading a node's files
            // is most of what a preview asks, each a round trip).
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] stdin = sudo.stdin(new byte[0], true);
            Exec.Outcome outcome = link.exec(client, new Exec.Spec(sudo.commandLine("test -e " + path + " || exit "
                    + ABSENT + "; cat -- " + path, true), stdin, STEP_TIMEOUT, LineSink.DISCARD, out));
            Arrays.fill(stdin, (byte) 0);
            if (outcome.status() == ABSENT) {
                return Optional.empty();
            }
            if (outcome.status() != 0) {
                throw new CommandFailedException(link.node(), action, "cat " + remotePath, outcome.status(),
                        outcome.lastLines());
            }
            return Optional.of(out.toByteArray());
        });
    }

    private int status(SSHClient client, String script) throws NodeException, IOException, TimeoutException, InterruptedException {
        return exec(client, script, true).status();
    }

    private Exec.Outcome exec(SSHClient client, String script, boolean asRoot)
            throws NodeException, IOException, TimeoutException, InterruptedException {
        byte[] stdin = sudo.stdin(new byte[0], asRoot);
        try {
            return link.exec(client, new Exec.Spec(sudo.commandLine(script, asRoot), stdin, STEP_TIMEOUT, LineSink.DISCARD, null));
        } finally {
            Arrays.fill(stdin, (byte) 0);
        }
    }

    /** One check for all targets; only when one of them is a directory, a look at each to name it. */
    private void refuseDirectories(SSHClient client, String action, List<Upload> uploads)
            throws NodeException, IOException, TimeoutException, InterruptedException {
        String none = uploads.stream().map(u -> "test ! -d " + Shell.quote(u.path())).collect(Collectors.joining(" && "));
        if (status(client, none) == 0) {
            return;
        }
        for (Upload u : uploads) {
            if (status(client, "test -d " + Shell.quote(u.path())) == 0) {
                throw new CommandFailedException(link.node(), action, "install " + u.path(), 1,
                        List.of(u.path() + " is a directory"));
            }
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

    /** Best effort: the staged copy is in a private directory, and a failure here must not hide the real one. */
    private void removeQuietly(SSHClient client, String stage, List<String> temps) throws InterruptedException {
        try {
            String quoted = temps.stream().map(Shell::quote).collect(Collectors.joining(" "));
            Exec.Outcome outcome = exec(client, "rm -rf -- " + Shell.quote(stage) + " && rm -f -- " + quoted, true);
            if (outcome.status() != 0) {
                LOG.debug("{}: could not remove temp files in {}: {}", link.node(), stage, outcome.lastLines());
            }
        } catch (NodeException | IOException | TimeoutException e) {
            LOG.debug("{}: could not remove temp dir {}: {}", link.node(), stage, e.getMessage());
        }
    }

    /**
     * Writes each upload's bytes to {@code stage/<index>} over one SFTP session. Every request of a
     * kind goes out before any answer is read: a set of files costs three round trips (open all,
     * write all, close all), not three per file, which over a link of 50 ms is 0.15 s instead of 4 s
     * for a node's 26 certificates and kubeconfigs.
     */
    private void write(SSHClient client, String action, String stage, List<Upload> uploads)
            throws NodeException, IOException, InterruptedException {
        String[] current = {stage};
        try {
            link.withSftp(client, sftp -> {
                SFTPEngine engine = sftp.getSFTPEngine();
                // mkdir fails if the name exists, link or not: the folder is the SSH user's own, private (0700).
                engine.makeDir(stage, new FileAttributes.Builder().withPermissions(0700).build());
                FileAttributes privateFile = new FileAttributes.Builder().withPermissions(0600).build();
                int create = OpenMode.toMask(EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.EXCL));
                List<Promise<Response, SFTPException>> opens = new ArrayList<>();
                for (int i = 0; i < uploads.size(); i++) {
                    opens.add(engine.request(engine.newRequest(PacketType.OPEN)
                            .putString(stage + "/" + i, engine.getSubsystem().getRemoteCharset()).putUInt32(create)
                            .putFileAttributes(privateFile)));
                }
                List<byte[]> handles = new ArrayList<>();
                for (int i = 0; i < uploads.size(); i++) {
                    current[0] = stage + "/" + i;
                    handles.add(answer(engine, opens.get(i)).ensurePacketTypeIs(PacketType.HANDLE).readBytes());
                }
                List<Promise<Response, SFTPException>> writes = new ArrayList<>();
                List<String> written = new ArrayList<>();
                for (int i = 0; i < uploads.size(); i++) {
                    byte[] bytes = uploads.get(i).content();
                    for (int offset = 0; offset < bytes.length; offset += CHUNK) {
                        writes.add(engine.request(engine.newRequest(PacketType.WRITE).putString(handles.get(i)).putUInt64(offset)
                                .putString(bytes, offset, Math.min(CHUNK, bytes.length - offset))));
                        written.add(stage + "/" + i);
                    }
                }
                for (int i = 0; i < writes.size(); i++) {
                    current[0] = written.get(i);
                    answer(engine, writes.get(i)).ensureStatusPacketIsOK();
                }
                List<Promise<Response, SFTPException>> closes = new ArrayList<>();
                for (byte[] handle : handles) {
                    closes.add(engine.request(engine.newRequest(PacketType.CLOSE).putString(handle)));
                }
                for (int i = 0; i < closes.size(); i++) {
                    current[0] = stage + "/" + i;
                    answer(engine, closes.get(i)).ensureStatusPacketIsOK();
                }
                return null;
            });
        } catch (SFTPException e) {
            if (!client.isConnected()) {
                throw e;
            }
            throw new CommandFailedException(link.node(), action, "sftp put " + current[0], -1,
                    List.of(String.valueOf(e.getMessage())));
        }
    }

    static void checkPath(String remotePath) {
        if (remotePath == null || !remotePath.startsWith("/") || remotePath.endsWith("/")
                || remotePath.contains("\n") || remotePath.contains("\0")) {
            throw new IllegalArgumentException("remote path must be an absolute file path, not \"" + remotePath + "\"");
        }
    }

    private static Response answer(SFTPEngine engine, Promise<Response, SFTPException> request) throws SFTPException {
        return request.retrieve(engine.getTimeoutMs(), TimeUnit.MILLISECONDS);
    }
}
