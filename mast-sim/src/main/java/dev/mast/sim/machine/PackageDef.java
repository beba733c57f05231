package dev.mast.sim.machine;

import java.util.List;

/**
 * A package the simulated package manager can install: its files, what it depends on and the
 * services its maintainer scripts enable and start after installing.
 */
public record PackageDef(String name, String version, String description, List<String> depends, List<PackageFile> files,
                         List<String> services) {
    public PackageDef {
        depends = List.copyOf(depends);
        files = List.copyOf(files);
        services = List.copyOf(services);
    }

    /**
     * One file of a package.
     *
     * @param conffile kept by {@code remove}, deleted only by {@code purge} (dpkg's conffiles)
     */
    public record PackageFile(String path, String content, int mode, boolean conffile) { }
}
