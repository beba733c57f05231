package dev.mast.manifest;

import dev.mast.plan.HostPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Mounts for the files that extra and carried-over flags name (and, for a converted component, the
 * files its configuration file and kubeconfigs name). A component in a pod sees only what is
 * mounted, so {@code --audit-log-path=/var/log/kubernetes/audit.log}, or a certificate path
 * carried over from the old systemd unit, would otherwise point at nothing. The folder holding each
 * such path is mounted at the same place, read-only unless a flag the component writes through
 * names it ({@code --audit-log-path}, {@code --cert-dir}, {@code --log-dir}, {@code --log-file}):
 * the cluster's certificates and keys are only read. A file
 * directly under a system folder like {@code /etc} or {@code /var/log} is mounted alone, as the
 * Kubernetes auditing guide mounts {@code audit.log} ({@code FileOrCreate}): mounting all of
 * {@code /var/log} into a pod is not something to do behind the user's back. Whether a path is a
 * file or a folder is told by the node when Mast read it, else guessed: a name with an extension
 * is a file.
 */
public final class FlagPathMounts {
    /** Flags whose path the component writes to. */
    private static final Set<String> WRITES = Set.of("audit-log-path", "cert-dir", "log-dir", "log-file");

    /**
     * How a path is mounted: the host path (the path itself or its folder) and whether it is a
     * single file.
     */
    public record Placement(String hostPath, boolean singleFile, boolean readOnly) {
        /** For the preview: {@code folder /var/lib/kubernetes, read-only}. */
        public String describe() {
            return (singleFile ? "file " : "folder ") + hostPath + (readOnly ? ", read-only" : ", writable");
        }
    }

    private FlagPathMounts() {
    }

    /** Mounts for the paths the flags name that no existing mount covers, in path order. */
    static List<HostMount> forFlags(String component, Flags flags, List<HostMount> existing) {
        return forPaths(component, flags, List.of(), Set.of(), existing);
    }

    /**
     * Mounts for the paths the flags name, and {@code otherPaths}, that no existing mount covers.
     *
     * @param directories paths the node says are folders (a converted component's); others are guessed
     */
    static List<HostMount> forPaths(String component, Flags flags, List<String> otherPaths, Set<String> directories,
                                    List<HostMount> existing) {
        Map<String, String> named = new LinkedHashMap<>();
        flags.values().keySet().forEach(flag -> flags.all(flag).forEach(value -> HostPaths.pathsIn(value).forEach(p -> named.putIfAbsent(p, flag))));
        otherPaths.forEach(path -> named.putIfAbsent(path, "config"));
        var folders = new TreeSet<String>();
        var files = new TreeSet<String>();
        var written = new TreeSet<String>();
        named.forEach((path, flag) -> {
            if (!covered(path, existing)) {
                Placement placement = placement(component, flag, path, directories.contains(path));
                (placement.singleFile() ? files : folders).add(placement.hostPath());
                if (!placement.readOnly()) {
                    written.add(placement.hostPath());
                }
            }
        });
        var names = new TreeSet<String>();
        existing.forEach(m -> names.add(m.name()));
        var mounts = new ArrayList<HostMount>();
        List<String> kept = minimal(folders);
        for (String folder : kept) {
            boolean writable = written.stream().anyMatch(w -> w.equals(folder) || w.startsWith(folder + "/"));
            mounts.add(HostMount.directory(uniqueName(folder, names), folder, !writable));
        }
        for (String file : files) {
            if (kept.stream().noneMatch(folder -> file.startsWith(folder + "/"))) {
                mounts.add(HostMount.file(uniqueName(file, names), file, !written.contains(file)));
            }
        }
        return mounts;
    }

    /**
     * What to mount for a path: its folder; the path itself when it is a folder (or, directly under a
     * system folder, has no extension, like {@code --log-dir=/var/log/kubernetes}); or, for a file
     * directly under a system folder, the file alone.
     *
     * @throws ManifestException for a system folder itself, which no pod should get
     */
    public static Placement placement(String component, String flag, String path, boolean isDirectory) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        String parent = slash <= 0 ? "/" : trimmed.substring(0, slash);
        boolean looksLikeFolder = !trimmed.substring(slash + 1).contains(".");
        if (HostPaths.isSystemFolder(trimmed)) {
            throw new ManifestException(component + ": --" + flag + " names " + path + ", a system folder the pod would need"
                    + " mounted whole; move what it holds into a folder of its own (e.g. " + trimmed
                    + (trimmed.equals("/") ? "" : "/") + component + "/)");
        }
        boolean readOnly = !WRITES.contains(flag);
        if (isDirectory) {
            return new Placement(trimmed, false, readOnly);
        }
        if (!HostPaths.isSystemFolder(parent)) {
            return new Placement(parent, false, readOnly);
        }
        return new Placement(trimmed, !looksLikeFolder, readOnly);
    }

    private static boolean covered(String path, List<HostMount> mounts) {
        return mounts.stream().anyMatch(m -> path.equals(m.path()) || path.startsWith(m.path() + "/"));
    }

    /** Drops folders inside another one of the set: the outer mount already shows them. */
    private static List<String> minimal(TreeSet<String> folders) {
        var kept = new ArrayList<String>();
        for (String folder : folders) {
            if (kept.stream().noneMatch(k -> folder.startsWith(k + "/"))) {
                kept.add(folder);
            }
        }
        return kept;
    }

    /** A volume name is a DNS label: the path in lowercase with dashes, unique in the pod. */
    private static String uniqueName(String path, TreeSet<String> taken) {
        String base = ("flag" + path.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"))
                .replaceAll("-+$", "");
        if (base.length() > 56) {
            base = base.substring(0, 56).replaceAll("-+$", "");
        }
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            name = base + "-" + i;
        }
        taken.add(name);
        return name;
    }
}
