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

    private BinaryVersion() {
    }

    public static String marker(String program, String version) {
        return "#!/bin/sh\n# mast-sim binary: " + program + " " + version + "\n";
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
