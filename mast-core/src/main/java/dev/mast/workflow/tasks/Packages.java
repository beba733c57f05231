package dev.mast.workflow.tasks;

import dev.mast.files.NodeFile;
import dev.mast.workflow.Remote;
import dev.mast.workflow.Sh;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Installs and removes distribution packages with whichever of apt-get or yum the node has. */
public final class Packages {
    /**
     * Where Mast notes on a node each package it installs, before installing it: a service the package's maintainer
     * scripts started is then known to have been started for Mast, and a later run takes it over instead of refusing
     * the node.
     */
    public static final String INSTALLED_BY_MAST = "/var/lib/mast/installed/";

    private Packages() {
    }

    /** yum only where there is no apt-get: a node Mast does not ask (the preview) is taken for Debian. */
    private static boolean usesYum(Remote remote) throws Exception {
        return remote.probe("! command -v apt-get >/dev/null && command -v yum >/dev/null") == 0;
    }

    public static boolean isInstalled(Remote remote, String pkg) throws Exception {
        return missing(remote, List.of(pkg)).isEmpty();
    }

    /**
     * The packages neither dpkg nor rpm knows as installed, asked in one round trip for all of them. The node names
     * the installed ones, so a node that says nothing has none of them.
     */
    public static List<String> missing(Remote remote, List<String> pkgs) throws Exception {
        if (pkgs.isEmpty()) {
            return List.of();
        }
        String script = pkgs.stream().map(Sh::quote)
                .map(pkg -> "dpkg -s " + pkg + " >/dev/null 2>&1 || rpm -q " + pkg + " >/dev/null 2>&1 && echo " + pkg)
                .collect(Collectors.joining("; "));
        Set<String> installed = remote.query(script).stdout().stream().map(String::strip).collect(Collectors.toSet());
        return pkgs.stream().filter(pkg -> !installed.contains(pkg)).toList();
    }

    /** Installs those of the packages that are missing, all in one go. */
    public static void ensureInstalled(Remote remote, List<String> pkgs) throws Exception {
        List<String> missing = missing(remote, pkgs);
        if (!missing.isEmpty()) {
            String names = missing.stream().map(Sh::quote).collect(Collectors.joining(" "));
            if (usesYum(remote)) {
                remote.run("yum install -y " + names);
            } else {
                finishInterruptedDpkg(remote);
                remote.run("apt-get install -y " + names);
            }
        }
    }

    /** Installs those of the packages that are missing, noting first on the node that Mast installs them. */
    public static void ensureInstalledByMast(Remote remote, List<String> pkgs) throws Exception {
        List<String> missing = noteInstalledByMast(remote, pkgs);
        if (!missing.isEmpty()) {
            ensureInstalled(remote, missing);
        }
    }

    /**
     * Notes on the node, before Mast installs them, those of the packages that are not installed yet: a package whose
     * service starts as it is installed (etcd-server, kubelet) is then known as Mast's on a re-run after a kill.
     *
     * @return the packages that were missing
     */
    public static List<String> noteInstalledByMast(Remote remote, List<String> pkgs) throws Exception {
        List<String> missing = missing(remote, pkgs);
        if (!missing.isEmpty()) {
            remote.writeAll(missing.stream().map(pkg -> NodeFile.text(INSTALLED_BY_MAST + pkg, "", NodeFile.PUBLIC)).toList());
        }
        return missing;
    }

    /** Whether Mast installed the package on this node (it noted so). A query. */
    public static boolean installedByMast(Remote remote, String pkg) throws Exception {
        return remote.probe("test -e " + Sh.quote(INSTALLED_BY_MAST + pkg)) == 0;
    }

    /** Removes the package and its configuration; does nothing if it is not installed. */
    public static void purge(Remote remote, String pkg) throws Exception {
        if (isInstalled(remote, pkg)) {
            if (usesYum(remote)) {
                remote.run("yum remove -y " + Sh.quote(pkg));
            } else {
                finishInterruptedDpkg(remote);
                remote.run("apt-get purge -y " + Sh.quote(pkg));
            }
        }
    }

    /**
     * Finishes what a killed dpkg left half-done (a run cancelled in the middle of apt-get), which apt refuses to go on
     * from ("dpkg was interrupted, you must manually run 'dpkg --configure -a'"). dpkg journals that work in
     * /var/lib/dpkg/updates; with nothing there, nothing runs. Called before apt-get changes packages.
     */
    static void finishInterruptedDpkg(Remote remote) throws Exception {
        if (remote.probe("ls -A /var/lib/dpkg/updates 2>/dev/null | grep -q .") == 0) {
            remote.run("DEBIAN_FRONTEND=noninteractive dpkg --configure -a");
        }
    }
}
