package dev.mast.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The host paths that flag values name, and the folder a static pod must mount to see each one.
 * A component in a pod sees only what is mounted, so the folder holding such a path is mounted at
 * the same place. A path directly under a system folder like {@code /etc} or {@code /var/log}
 * cannot be served that way: mounting all of {@code /etc} into a pod is not something to do
 * behind the user's back, and a single-file mount breaks whoever rotates the file (the API
 * server renames its audit log beside itself), so validation refuses such a path of the plan's
 * own flags before anything is rendered. A running cluster's flag is kept as it is by the
 * upgrade, its file mounted alone (as kubeadm mounts an audit log), and the preview says that
 * rotating it fails.
 */
public final class HostPaths {
    /** Absolute paths inside a value; lists ({@code a,b}) and {@code cert:key} pairs are split first. */
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._+@-][A-Za-z0-9._+@/-]*");
    private static final Set<String> TOO_BROAD = Set.of("/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib",
            "/lib64", "/opt", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/usr/bin",
            "/usr/lib", "/usr/local", "/usr/sbin", "/usr/share", "/var", "/var/lib", "/var/log", "/var/run");

    private HostPaths() {
    }

    public static List<String> pathsIn(String value) {
        var paths = new ArrayList<String>();
        for (String token : value.split("[,:]")) {
            if (PATH.matcher(token).matches() && !token.contains("/../") && !token.endsWith("/..")) {
                paths.add(token);
            }
        }
        return paths;
    }

    /**
     * The folder to mount for a path: its parent, or, when the parent is a system folder and the path
     * has no extension (so is most likely a folder itself, like {@code --log-dir=/var/log/kubernetes}),
     * the path itself; empty when only a system folder would do.
     */
    public static Optional<String> folderToMount(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        String parent = parent(trimmed);
        if (!TOO_BROAD.contains(parent)) {
            return Optional.of(parent);
        }
        if (!trimmed.substring(slash + 1).contains(".") && !TOO_BROAD.contains(trimmed)) {
            return Optional.of(trimmed);
        }
        return Optional.empty();
    }

    /** A system folder ({@code /etc}, {@code /var/log}, ...): no pod gets one mounted whole. */
    public static boolean isSystemFolder(String path) {
        return TOO_BROAD.contains(path);
    }

    /** Why {@code --flag=path} cannot be rendered into a static pod, and where to put the file instead. */
    public static String unmountable(Component component, String flag, String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String parent = parent(trimmed);
        String folder = TOO_BROAD.contains(trimmed) ? trimmed : parent;
        String suggestion = folder.equals("/") ? "/" + component.key() + "/" : folder + "/" + component.key() + "/";
        return "--" + flag + " names " + path + ", and the " + component.key() + " pod would need all of " + folder
                + " mounted to see it; move it into a folder of its own, e.g. " + suggestion;
    }

    private static String parent(String trimmed) {
        int slash = trimmed.lastIndexOf('/');
        return slash <= 0 ? "/" : trimmed.substring(0, slash);
    }
}
