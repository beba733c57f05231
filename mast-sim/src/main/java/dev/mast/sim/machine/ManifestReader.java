package dev.mast.sim.machine;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the static pod folder cheaply: not at all while the node's files did not change, and a
 * file is parsed again only when its size, modification time or inode changed. Unparseable or
 * invalid manifests are logged once and skipped, as the kubelet does; hidden files are ignored.
 */
final class ManifestReader {
    private record Cached(String stamp, Manifest manifest) { }

    private final Machine machine;
    private final Map<String, Cached> cache = new HashMap<>();
    private boolean missingLogged;
    /** The last look at the folder, and the file system's change count just before it: nothing changed, nothing to read. */
    private Map<String, Manifest> lastRead = Map.of();
    private String readDir;
    private long readAtChanges = -1;

    ManifestReader(Machine machine) {
        this.machine = machine;
    }

    void reset() {
        cache.clear();
        missingLogged = false;
        readAtChanges = -1;
    }

    Map<String, Manifest> read(String dir, Instant now) {
        VirtualFs fs = machine.fs();
        long changes = fs.changes();
        if (changes == readAtChanges && dir.equals(readDir)) {
            return lastRead;
        }
        lastRead = Collections.unmodifiableMap(readFolder(dir, now));
        readDir = dir;
        readAtChanges = changes;
        return lastRead;
    }

    private Map<String, Manifest> readFolder(String dir, Instant now) {
        Map<String, Manifest> manifests = new LinkedHashMap<>();
        VirtualFs fs = machine.fs();
        if (!fs.isDirectory(dir)) {
            if (!missingLogged) {
                log(now, 'I', "file_linux.go:63", "\"Path does not exist, ignoring\" path=\"" + dir + "\"");
                missingLogged = true;
            }
            cache.clear();
            return manifests;
        }
        missingLogged = false;
        try {
            Map<String, Cached> seen = new HashMap<>();
            for (String name : fs.list(dir)) {
                String path = dir + "/" + name;
                if (name.startsWith(".") || !fs.isFile(path)) {
                    continue;
                }
                String stamp = fs.stamp(path);
                Cached cached = cache.get(path);
                if (cached == null || !cached.stamp().equals(stamp)) {
                    cached = new Cached(stamp, parse(path, now));
                }
                seen.put(path, cached);
                if (cached.manifest() != null) {
                    manifests.put(path, cached.manifest());
                }
            }
            cache.clear();
            cache.putAll(seen);
        } catch (IOException e) {
            log(now, 'E', "file.go:187", "\"Unable to read config path\" err=\"" + e.getMessage() + "\" path=\"" + dir + "\"");
        }
        return manifests;
    }

    private Manifest parse(String path, Instant now) throws IOException {
        byte[] bytes = machine.fs().read(path);
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            Object parsed = Serialization.unmarshal(text);
            if (!(parsed instanceof Pod pod)) {
                throw new IllegalArgumentException("the manifest is not a Pod"
                        + (parsed == null ? "" : " but a " + parsed.getClass().getSimpleName()));
            }
            validate(pod);
            String hash = ImageRef.sha256(text + "\n" + machine.identity().hostName()).substring(0, 32);
            return new Manifest(path, pod, hash);
        } catch (RuntimeException e) {
            log(now, 'E', "config.go:206", "\"Could not process manifest file\" err=\"invalid pod: "
                    + String.valueOf(e.getMessage()).replace("\"", "'").replace("\n", " ") + "\" path=\"" + path + "\"");
            return null;
        }
    }

    private static void validate(Pod pod) {
        if (pod.getMetadata() == null || pod.getMetadata().getName() == null || pod.getMetadata().getName().isEmpty()) {
            throw new IllegalArgumentException("metadata.name: Required value");
        }
        if (pod.getSpec() == null || pod.getSpec().getContainers() == null || pod.getSpec().getContainers().isEmpty()) {
            throw new IllegalArgumentException("spec.containers: Required value");
        }
        for (var container : pod.getSpec().getContainers()) {
            if (container.getName() == null || container.getImage() == null) {
                throw new IllegalArgumentException("spec.containers: name and image are required");
            }
        }
    }

    private void log(Instant now, char severity, String source, String message) {
        machine.processes().firstRunning(ComponentKind.KUBELET)
                .ifPresent(k -> k.write(now, LogFormat.klog(severity, now, k.pid(), source, message)));
    }
}
