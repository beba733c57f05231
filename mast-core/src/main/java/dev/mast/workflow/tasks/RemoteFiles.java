package dev.mast.workflow.tasks;

import dev.mast.files.NodeFile;
import dev.mast.workflow.Remote;
import dev.mast.workflow.Sh;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Writing sets of files to a node, and telling whether the node already has them exactly. */
public final class RemoteFiles {
    private RemoteFiles() {
    }

    /** True when every file exists on the node with the same content and mode. */
    public static boolean allPresent(Remote remote, List<NodeFile> files) throws Exception {
        if (files.isEmpty()) {
            return true;
        }
        String paths = files.stream().map(f -> Sh.quote(f.path())).collect(Collectors.joining(" "));
        Map<String, String> sums = new HashMap<>();
        for (String line : remote.query("sha256sum " + paths + " 2>/dev/null").stdout()) {
            String[] parts = line.trim().split("\\s+", 2);
            if (parts.length == 2) {
                sums.put(parts[1].startsWith("*") ? parts[1].substring(1) : parts[1], parts[0]);
            }
        }
        for (NodeFile file : files) {
            if (!sha256(file.content()).equals(sums.get(file.path()))) {
                return false;
            }
        }
        List<String> modes = remote.query("stat -c %a " + paths).stdout();
        for (int i = 0; i < files.size(); i++) {
            if (i >= modes.size() || !modes.get(i).trim().equals(Integer.toOctalString(files.get(i).mode()))) {
                return false;
            }
        }
        return true;
    }

    /** Copies the paths that exist into the backup folder, keeping their layout; returns those copied. */
    public static List<String> backUp(Remote remote, String backupDir, List<String> paths) throws Exception {
        var copied = new ArrayList<String>();
        // Which of them exist, asked in one round trip for all (one question a path took most of a preview's steps).
        String script = paths.stream().map(Sh::quote).map(path -> "test -e " + path + " && echo " + path)
                .collect(Collectors.joining("; "));
        Set<String> existing = Set.copyOf(remote.query(script + "; true").stdout());
        for (String path : paths) {
            if (existing.contains(path)) {
                String target = backupDir + path;
                remote.run("mkdir -p " + Sh.quote(target.substring(0, target.lastIndexOf('/'))) + " && cp -a "
                        + Sh.quote(path) + " " + Sh.quote(target));
                copied.add(path);
            }
        }
        return copied;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    public static String text(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }
}
