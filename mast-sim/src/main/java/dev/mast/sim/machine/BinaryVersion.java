package dev.mast.sim.machine;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a simulated program reports. Package-installed binaries carry a marker line
 * ({@code # mast-sim binary: kube-apiserver v1.34.3}); anything else reports {@code unknown}.
 */
public final class BinaryVersion {
    private static final Pattern MARKER = Pattern.compile("# mast-sim binary: (\\S+) (\\S+)");
    private static final Pattern ARCH = Pattern.compile("# mast-sim arch: (\\S+)");

    private BinaryVersion() {
    }

    public static String marker(String program, String version) {
        return "#!/bin/sh\n# mast-sim binary: " + program + " " + version + "\n";
    }

    /** A release binary built for one architecture ({@code amd64}, {@code arm64}): it runs only on a machine of it. */
    public static String marker(String program, String version, String arch) {
        return marker(program, version) + "# mast-sim arch: " + arch + "\n";
    }

    /**
     * Whether the machine can run the file: a binary built for another architecture cannot ("Exec format error").
     * Files without an architecture (the distribution's packages, scripts) run anywhere.
     */
    public static boolean runsOn(Machine machine, String path) {
        try {
            if (machine.fs().isFile(path) && machine.fs().size(path) < 4096) {
                Matcher m = ARCH.matcher(machine.fs().readString(path));
                return !m.find() || m.group(1).equals(machine.arch());
            }
        } catch (IOException e) {
            return true;
        }
        return true;
    }

    public static String of(Machine machine, String path) {
        try {
            if (machine.fs().isFile(path) && machine.fs().size(path) < 4096) {
                Matcher m = MARKER.matcher(machine.fs().readString(path));
                if (m.find()) {
                    return m.group(2);
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }
}
