package dev.mast.node;

import dev.mast.plan.SafeText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenSSH {@code known_hosts} file: plain, {@code [host]:port} and hashed entries,
 * {@code @revoked} keys. Read afresh on every check, so entries added by {@code ssh} or another
 * run count at once; appends are locked so parallel connections do not interleave lines.
 */
public final class KnownHosts {
    /** What known_hosts says about a key a host presented. */
    sealed interface Verdict {
        record Known() implements Verdict { }

        record Unknown() implements Verdict { }

        record Changed(List<String> knownFingerprints) implements Verdict { }

        record Revoked() implements Verdict { }
    }

    private static final Logger LOG = LoggerFactory.getLogger(KnownHosts.class);

    private record Entry(String marker, String hosts, String type, byte[] blob) { }

    private final Path file;
    /** The entries as last read, and the file's size and modification time then: 200 connections read it once. */
    private List<Entry> cached;
    private String cachedStamp;

    /** One monitor per file for the appends of every instance in this JVM. */
    private static final java.util.Map<Path, Object> APPENDING = new java.util.concurrent.ConcurrentHashMap<>();

    public KnownHosts(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** {@code ~/.ssh/known_hosts} of the user running Mast. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    }

    public Path file() {
        return file;
    }

    synchronized Verdict check(String host, int port, PublicKey key) throws IOException {
        String name = HostPatterns.lookupName(host, port);
        byte[] blob = HostKeys.blob(key);
        String type = HostKeys.type(key);
        List<String> others = new ArrayList<>();
        boolean known = false;
        for (Entry entry : read()) {
            boolean sameKey = Arrays.equals(entry.blob, blob);
            if ("@revoked".equals(entry.marker)) {
                if (sameKey) {
                    return new Verdict.Revoked();
                }
            } else if (entry.marker == null && entry.type.equals(type) && HostPatterns.matches(entry.hosts, name)) {
                known |= sameKey;
                if (!sameKey) {
                    others.add(HostKeys.fingerprint(entry.blob));
                }
            }
        }
        if (known) {
            return new Verdict.Known();
        }
        return others.isEmpty() ? new Verdict.Unknown() : new Verdict.Changed(List.copyOf(new LinkedHashSet<>(others)));
    }

    /** Key types known for the host, so the handshake can prefer a key we can check. */
    synchronized Set<String> knownTypes(String host, int port) throws IOException {
        String name = HostPatterns.lookupName(host, port);
        Set<String> types = new LinkedHashSet<>();
        for (Entry entry : read()) {
            if (entry.marker == null && HostPatterns.matches(entry.hosts, name)) {
                types.add(entry.type);
            }
        }
        return types;
    }

    /**
     * Appends a plain entry, {@code [host]:port} for ports other than 22, as {@code ssh} does with
     * {@code HashKnownHosts no}.
     */
    synchronized void add(String host, int port, PublicKey key) throws IOException {
        String line = HostPatterns.lookupName(host, port) + " " + HostKeys.type(key) + " "
                + Base64.getEncoder().encodeToString(HostKeys.blob(key)) + "\n";
        createParent();
        // A file lock keeps other programs out, not other threads of this one (they get an OverlappingFileLockException):
        // connections with their own KnownHosts for the same file (trusting several nodes at once) take turns here.
        synchronized (APPENDING.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new Object())) {
            append(line);
        }
    }

    private void append(String text) throws IOException {
        String line = text;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ)) {
            FileLock lock = channel.lock(); // another Mast or ssh may append at the same time
            try {
                long size = channel.size();
                if (size > 0 && !endsWithNewline(channel, size)) {
                    line = "\n" + line;
                }
                ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                long position = size;
                while (bytes.hasRemaining()) {
                    position += channel.write(bytes, position);
                }
                channel.force(false);
            } finally {
                lock.release();
            }
        }
    }

    private List<Entry> read() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        var attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        String stamp = attributes.size() + "/" + attributes.lastModifiedTime().toMillis() + "/" + attributes.fileKey();
        if (cached != null && stamp.equals(cachedStamp)) {
            return cached;
        }
        // Bytes, as ssh reads it: what matters is ASCII (hosts, key types, base64), and a comment in Latin-1
        // must not make the file unreadable. ISO-8859-1 keeps every byte as one character.
        String[] lines = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\n", -1);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            try {
                Entry entry = parse(lines[i].strip());
                if (entry != null) {
                    entries.add(entry);
                }
            } catch (IllegalArgumentException e) {
                LOG.warn("{}:{}: {}; the line is skipped", file, i + 1, e.getMessage());
            }
        }
        cached = List.copyOf(entries);
        cachedStamp = stamp;
        return cached;
    }

    /**
     * An entry, or null for a blank line or a comment.
     *
     * @throws IllegalArgumentException saying why, for a line Mast cannot use (old RSA1 format, bad base64),
     *                                  which is skipped as ssh skips it
     */
    private static Entry parse(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        String[] fields = line.split("\\s+");
        int at = 0;
        String marker = null;
        if (fields[0].startsWith("@")) {
            marker = fields[0];
            at = 1;
        }
        if (fields.length < at + 3) {
            throw new IllegalArgumentException("not an entry (hosts, key type, base64 key)");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(fields[at + 2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key is not base64", e);
        }
        String type = fields[at + 1];
        if (marker == null && !HostKeys.typeOf(blob).equals(type)) {
            throw new IllegalArgumentException("not a " + SafeText.quote(type) + " key");
        }
        return new Entry(marker, fields[at], type, blob);
    }

    private static boolean endsWithNewline(FileChannel channel, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) == '\n';
    }

    private void createParent() throws IOException {
        Path parent = file.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(parent);
            }
        }
    }

    @Override
    public String toString() {
        return "KnownHosts[" + file + "]";
    }
}
