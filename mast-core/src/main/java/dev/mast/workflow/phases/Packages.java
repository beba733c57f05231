package dev.mast.workflow.phases;

import dev.mast.workflow.Remote;
import dev.mast.workflow.Sh;
import java.util.List;
import java.util.stream.Collectors;

/** Installs and removes distribution packages with whichever of apt-get or yum the node has. */
final class Packages {
    private Packages() {
    }

    static boolean hasApt(Remote remote) throws Exception {
        return remote.probe("command -v apt-get >/dev/null") == 0;
    }

    static boolean isInstalled(Remote remote, String pkg) throws Exception {
        return missing(remote, List.of(pkg)).isEmpty();
    }

    /** The packages neither dpkg nor rpm knows as installed, asked in one round trip for all of them. */
    static List<String> missing(Remote remote, List<String> pkgs) throws Exception {
        String script = pkgs.stream().map(Sh::quote)
                .map(pkg -> "dpkg -s " + pkg + " >/dev/null 2>&1 || rpm -q " + pkg + " >/dev/null 2>&1 || echo " + pkg)
                .collect(Collectors.joining("; "));
        return remote.exec(script).stdout().stream().map(String::strip).filter(pkgs::contains).toList();
    }

    /** Installs those of the packages that are missing, all in one go. */
    static void ensureInstalled(Remote remote, List<String> pkgs) throws Exception {
        List<String> missing = missing(remote, pkgs);
        if (!missing.isEmpty()) {
            String names = missing.stream().map(Sh::quote).collect(Collectors.joining(" "));
            remote.run((hasApt(remote) ? "apt-get install -y " : "yum install -y ") + names);
        }
    }

    /** Removes the package and its configuration; does nothing if it is not installed. */
    static void purge(Remote remote, String pkg) throws Exception {
        if (isInstalled(remote, pkg)) {
            remote.run((hasApt(remote) ? "apt-get purge -y " : "yum remove -y ") + Sh.quote(pkg));
        }
    }
}
