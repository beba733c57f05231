package dev.mast.manifest;

import dev.mast.plan.Component;
import dev.mast.plan.HostPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Mounts for the files that extra and carried-over flags name. A component in a pod sees only what
 * is mounted, so {@code --audit-log-path=/var/log/kubernetes/audit.log}, or a certificate path
 * carried over from the old systemd unit, would otherwise point at nothing. {@link HostPaths} says
 * which folder to mount for each path: writable under the folders components write to, read-only
 * elsewhere. Whether a path is a file or a folder cannot be known without the node, so the folder
 * holding it is mounted, which works for both.
 */
final class FlagPathMounts {
    private FlagPathMounts() {
    }

    /** Mounts for the paths the flags name that no existing mount covers, in path order. */
    static List<HostMount> forFlags(Component component, Flags flags, List<HostMount> existing) {
        var folders = new TreeSet<String>();
        var names = new TreeSet<String>();
        existing.forEach(m -> names.add(m.name()));
        flags.values().forEach((name, value) -> {
            for (String path : HostPaths.pathsIn(value)) {
                if (!covered(path, existing)) {
                    // Validation refuses these for the plan's flags; a carried-over flag of an old unit can still get here.
                    folders.add(HostPaths.folderToMount(path).orElseThrow(() -> new ManifestException(
                            component.key() + ": " + HostPaths.unmountable(component, name, path))));
                }
            }
        });
        var mounts = new ArrayList<HostMount>();
        for (String folder : minimal(folders)) {
            mounts.add(HostMount.directory(uniqueName(folder, names), folder, !HostPaths.isWritable(folder)));
        }
        return mounts;
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
