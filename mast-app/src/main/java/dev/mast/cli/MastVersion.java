package dev.mast.cli;

import picocli.CommandLine;

/** Reads the version from the jar's manifest; "development" when run from classes. */
public final class MastVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = MastVersion.class.getPackage().getImplementationVersion();
        return new String[] {"mast " + (version == null ? "development" : version)};
    }
}
