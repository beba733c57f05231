package dev.mast.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Mounts for the files that extra and carried-over flags name. A component in a pod sees only what
 * is mounted, so {@code --audit-log-path=/var/log/kubernetes/audit.log}, or a certificate path
 * carried over from the old systemd unit, would otherwise point at nothing. The folder holding each
 * such path is mounted at the same place: writable under the folders components write to
 * ({@code /var/log}, {@code /var/lib}, {@code /run}, {@code /tmp}), read-only elsewhere. A file
 * directly under a system folder like {@code /etc} is refused: mounting all of {@code /etc} into a
 * pod is not something to do behind the user's back. Whether a path is a file or a folder cannot be
 * known without the node, so the folder holding it is mounted, which works for both.
 */
final class FlagPathMounts {
    /** Absolute paths inside a value; lists ({@code a,b}) and {@code cert:key} pairs are split first. */
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._+@-][A-Za-z0-9._+@/-]*");
    private static final Set<String> TOO_BROAD = Set.of("/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib",
            "/lib64", "/opt", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/usr/bin",
            "/usr/lib", "/usr/local", "/usr/sbin", "/usr/share", "/var", "/var/lib", "/var/log", "/var/run");
    private static final List<String> WRITABLE = List.of("/var/log/", "/var/lib/", "/run/", "/tmp/");

    private FlagPathMounts() {
    }

    /** Mounts for the paths the flags name that no existing mount covers, in path order. */
    static List<HostMount> forFlags(String component, Flags flags, List<HostMount> existing) {
        var folders = new TreeSet<String>();
        var names = new TreeSet<String>();
        existing.forEach(m -> names.add(m.name()));
        flags.values().forEach((name, value) -> {
            for (String path : pathsIn(value)) {
                if (!covered(path, existing)) {
                    folders.add(folderOf(component, name, path));
                }
            }
        });
        var mounts = new ArrayList<HostMount>();
        for (String folder : minimal(folders)) {
            boolean writable = WRITABLE.stream().anyMatch(folder::startsWith);
            mounts.add(HostMount.directory(uniqueName(folder, names), folder, !writable));
        }
        return mounts;
    }

    static List<String> pathsIn(String value) {
        var paths = new ArrayList<String>();
        for (String token : value.split("[,:]")) {
            if (PATH.matcher(token).matches() && !token.contains("/../") && !token.endsWith("/..")) {
                paths.add(token);
            }
        }
        return paths;
    }

    private static boolean covered(String path, List<HostMount> mounts) {
        return mounts.stream().anyMatch(m -> path.equals(m.path()) || path.startsWith(m.path() + "/"));
    }

    /**
     * The folder to mount for a path: its parent, or, when the parent is a system folder and the path
     * has no extension (so is most likely a folder itself, like {@code --log-dir=/var/log/kubernetes}),
     * the path itself.
     */
    private static String folderOf(String component, String flag, String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        String parent = slash <= 0 ? "/" : trimmed.substring(0, slash);
        if (!TOO_BROAD.contains(parent)) {
            return parent;
        }
        if (!trimmed.substring(slash + 1).contains(".") && !TOO_BROAD.contains(trimmed)) {
            return trimmed;
        }
        throw new ManifestException(component + ": --" + flag + " names " + path + ", and the pod would need all of "
                + parent + " mounted to see it; move the file into a folder of its own (e.g. "
                + parent + (parent.equals("/") ? "" : "/") + component + "/)");
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

    /** A volume name is a DNS label: the folder's path in lowercase with dashes, unique in the pod. */
    private static String uniqueName(String folder, TreeSet<String> taken) {
        String base = ("flag" + folder.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"))
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
