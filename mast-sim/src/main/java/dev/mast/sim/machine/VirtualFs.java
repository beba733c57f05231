package dev.mast.sim.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A node's file system: a directory on the host that stands for "/". Every path a command or
 * SFTP names is an absolute virtual path, normalised as a string before it is mapped, so no
 * path can leave the root; symbolic links are stored with host targets inside the root.
 * Modes live on the host files (POSIX permissions); owners, which the host cannot hold for
 * users it does not have, live in a side table (absent means root).
 */
public final class VirtualFs {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    public record Owner(String user, String group) {
        public static final Owner ROOT = new Owner("root", "root");
    }

    private final Path root;
    private final Map<String, Owner> owners = new ConcurrentHashMap<>();
    /** Counts finished changes, so a reader polling a folder (the kubelet) can tell that nothing changed without a look. */
    private final AtomicLong changes = new AtomicLong();

    public VirtualFs(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    public Path hostRoot() {
        return root;
    }

    /**
     * A number that grows after every change to the files: through this class, a shell command
     * (counted when it ends) or SFTP. Read it before looking at files: a change that ends while they
     * are read makes it differ from the number read.
     */
    public long changes() {
        return changes.get();
    }

    /** Counts a change that was made to the files directly on the host (a shell command, SFTP). */
    public void changed() {
        changes.incrementAndGet();
    }

    /** Resolves {@code path} against {@code cwd} and removes {@code .}, {@code ..} and repeated slashes. */
    public static String normalize(String cwd, String path) {
        String full = path.startsWith("/") ? path : cwd + "/" + path;
        List<String> parts = new ArrayList<>();
        for (String part : full.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    public Path host(String virtualPath) {
        String normalized = normalize("/", virtualPath);
        return normalized.equals("/") ? root : root.resolve(normalized.substring(1));
    }

    /** The virtual path of a host path inside the root (links resolved by the caller). */
    public String virtualOf(Path hostPath) {
        Path relative = root.relativize(hostPath.toAbsolutePath().normalize());
        return normalize("/", relative.toString());
    }

    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    public static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public boolean exists(String path) {
        return Files.exists(host(path));
    }

    /** True also for a dangling link, as {@code test -L} and {@code rm} see it. */
    public boolean existsNoFollow(String path) {
        return Files.exists(host(path), NOFOLLOW);
    }

    public boolean isDirectory(String path) {
        return Files.isDirectory(host(path));
    }

    public boolean isFile(String path) {
        return Files.isRegularFile(host(path));
    }

    public boolean isSymlink(String path) {
        return Files.isSymbolicLink(host(path));
    }

    public long size(String path) throws IOException {
        return Files.size(host(path));
    }

    public byte[] read(String path) throws IOException {
        return Files.readAllBytes(host(path));
    }

    public String readString(String path) throws IOException {
        return new String(read(path), StandardCharsets.UTF_8);
    }

    /** Writes the file; a new file gets {@code mode}, an existing one keeps its mode and owner. */
    public void write(String path, byte[] content, int mode) throws IOException {
        Path file = host(path);
        boolean existed = Files.exists(file);
        Files.write(file, content);
        if (!existed) {
            setMode(path, mode);
        }
        changed();
    }

    public void writeString(String path, String content, int mode) throws IOException {
        write(path, content.getBytes(StandardCharsets.UTF_8), mode);
    }

    public void append(String path, byte[] content, int mode) throws IOException {
        Path file = host(path);
        boolean existed = Files.exists(file);
        Files.write(file, content, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (!existed) {
            setMode(path, mode);
        }
        changed();
    }

    /** Creates the directory and its missing parents with {@code mode}. */
    public void mkdirs(String path, int mode) throws IOException {
        String normalized = normalize("/", path);
        if (normalized.equals("/") || isDirectory(normalized)) {
            return;
        }
        mkdirs(parent(normalized), 0755);
        Files.createDirectory(host(normalized));
        setMode(normalized, mode); // counts the change
    }

    public List<String> list(String dir) throws IOException {
        try (Stream<Path> entries = Files.list(host(dir))) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    public void delete(String path) throws IOException {
        String normalized = normalize("/", path);
        Path file = host(normalized);
        if (Files.isDirectory(file, NOFOLLOW)) {
            for (String child : list(normalized)) {
                delete(normalized + "/" + child);
            }
        }
        Files.delete(file);
        owners.remove(normalized);
        changed();
    }

    public int mode(String path) throws IOException {
        return toMode(Files.getPosixFilePermissions(host(path)));
    }

    public void setMode(String path, int mode) throws IOException {
        if (!isSymlink(path)) {
            Files.setPosixFilePermissions(host(path), toPermissions(mode));
        }
        changed();
    }

    public Owner owner(String path) {
        return owners.getOrDefault(normalize("/", path), Owner.ROOT);
    }

    public void setOwner(String path, Owner owner) {
        String normalized = normalize("/", path);
        if (owner.equals(Owner.ROOT)) {
            owners.remove(normalized);
        } else {
            owners.put(normalized, owner);
        }
        changed();
    }

    /** Moves the owner entries of a tree along with it. */
    public void moveOwners(String from, String to) {
        String prefix = normalize("/", from);
        String target = normalize("/", to);
        for (String key : List.copyOf(owners.keySet())) {
            if (key.equals(prefix) || key.startsWith(prefix + "/")) {
                owners.put(target + key.substring(prefix.length()), owners.remove(key));
            }
        }
        changed();
    }

    /** Changes whenever the file is rewritten or replaced: size, modification time (ns) and inode. */
    public String stamp(String path) throws IOException {
        var attributes = Files.readAttributes(host(path), java.nio.file.attribute.BasicFileAttributes.class);
        return attributes.size() + "/" + attributes.lastModifiedTime().toInstant() + "/" + attributes.fileKey();
    }

    public long modifiedMillis(String path) throws IOException {
        return Files.getLastModifiedTime(host(path)).toMillis();
    }

    /** Creates a symbolic link; the target is kept as a host path inside the root. */
    public void symlink(String target, String link) throws IOException {
        String absoluteTarget = normalize(parent(normalize("/", link)), target);
        Files.createSymbolicLink(host(link), host(absoluteTarget));
        changed();
    }

    /** The virtual path a link points at. */
    public String readLink(String path) throws IOException {
        Path target = Files.readSymbolicLink(host(path));
        Path resolved = target.isAbsolute() ? target : host(path).getParent().resolve(target);
        return virtualOf(resolved);
    }

    /** The path with every link resolved, as {@code readlink -f} prints it. */
    public String realPath(String path) throws IOException {
        try {
            return virtualOf(host(path).toRealPath());
        } catch (NoSuchFileException e) {
            return normalize("/", path);
        }
    }

    /** Whether {@code user} may read the file: root always; others by the mode bits and owner. */
    public boolean canRead(String user, String path) throws IOException {
        if (user.equals("root") || !exists(path)) {
            return true;
        }
        int mode = mode(path);
        return (mode & 0004) != 0 || (owner(path).user().equals(user) && (mode & 0400) != 0);
    }

    /** Whether {@code user} may create or change {@code path}: root always; others only in their own places. */
    public boolean canWrite(String user, String path) {
        if (user.equals("root")) {
            return true;
        }
        String normalized = normalize("/", path);
        return normalized.startsWith("/tmp/") || normalized.startsWith("/var/tmp/") || normalized.equals("/dev/null")
                || normalized.startsWith("/home/" + user + "/") || owner(normalized).user().equals(user);
    }

    public static int toMode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return mode;
    }

    public static Set<PosixFilePermission> toPermissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission permission : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - permission.ordinal()))) != 0) {
                permissions.add(permission);
            }
        }
        return permissions;
    }
}
