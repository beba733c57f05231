package dev.mast.sim.machine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of an image's root file system, for what reads them outside a container ({@code ctr
 * images mount}, {@code docker cp}): registry.k8s.io's etcd image holds etcd, etcdctl and etcdutl of
 * its tag's version in /usr/local/bin, built for the architecture it was pulled for.
 */
public final class ImageFiles {
    private static final Pattern ETCD = Pattern.compile("registry\\.k8s\\.io/etcd:(\\d+\\.\\d+\\.\\d+)-\\d+");

    private ImageFiles() {
    }

    /** Path to content, for the image pulled on a machine of {@code arch}. */
    public static Map<String, String> of(ImageRef ref, String arch) {
        Map<String, String> files = new LinkedHashMap<>();
        Matcher m = ETCD.matcher(ref.full());
        if (m.matches()) {
            for (String program : new String[] {"etcd", "etcdctl", "etcdutl"}) {
                files.put("/usr/local/bin/" + program, BinaryVersion.marker(program, m.group(1), arch));
            }
        }
        return files;
    }
}
