package dev.mast.workflow.phases;

import dev.mast.workflow.Remote;
import dev.mast.workflow.Sh;

/** Installs and removes distribution packages with whichever of apt-get or yum the node has. */
final class Packages {
    private Packages() {
    }

    static boolean hasApt(Remote remote) throws Exception {
        return remote.probe("command -v apt-get >/dev/null") == 0;
    }

    static boolean isInstalled(Remote remote, String pkg) throws Exception {
        return remote.probe((hasApt(remote) ? "dpkg -s " : "rpm -q ") + Sh.quote(pkg) + " >/dev/null 2>&1") == 0;
    }

    static void ensureInstalled(Remote remote, String pkg) throws Exception {
        if (!isInstalled(remote, pkg)) {
            remote.run((hasApt(remote) ? "apt-get install -y " : "yum install -y ") + Sh.quote(pkg));
        }
    }

    /** Removes the package and its configuration; does nothing if it is not installed. */
    static void purge(Remote remote, String pkg) throws Exception {
        if (isInstalled(remote, pkg)) {
            remote.run((hasApt(remote) ? "apt-get purge -y " : "yum remove -y ") + Sh.quote(pkg));
        }
    }
}
