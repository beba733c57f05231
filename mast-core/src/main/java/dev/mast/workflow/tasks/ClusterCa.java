package dev.mast.workflow.tasks;

import dev.mast.pki.PkiPaths;
import dev.mast.workflow.Remote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes the running cluster's certificate authorities and service-account key into Mast's PKI
 * folder, so every certificate Mast issues is trusted by the cluster as it is (kubeconfigs,
 * kubelets and tokens keep working). Only files the folder lacks are copied; a folder holding
 * another CA than the cluster's is refused, and nothing is copied then.
 */
public final class ClusterCa {
    /**
     * The authorities and the service-account key, as pairs by their path under /etc/kubernetes/pki
     * and in the PKI folder. A pair is taken whole or not at all: half a CA cannot sign.
     */
    static final List<List<String>> PAIRS = List.of(List.of("ca.crt", "ca.key"), List.of("front-proxy-ca.crt", "front-proxy-ca.key"),
            List.of("sa.key", "sa.pub"), List.of("etcd/ca.crt", "etcd/ca.key"));

    /** What the folder lacks and the node has, read and checked; {@link #write} puts it in the folder. */
    public record Adoption(Path pkiDir, Map<String, byte[]> files) {
        public Adoption {
            files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        }

        /** The files to copy, relative to the folder. */
        public List<String> names() {
            return List.copyOf(files.keySet());
        }

        public void write() throws IOException {
            for (var file : files.entrySet()) {
                ClusterCa.write(pkiDir.resolve(file.getKey()), file.getValue());
            }
        }
    }

    private ClusterCa() {
    }

    /**
     * Reads from the node what the PKI folder lacks; changes nothing.
     *
     * @throws IOException when the folder's CA is not the cluster's
     */
    public static Adoption read(Remote master, Path pkiDir) throws Exception {
        Optional<byte[]> clusterCa = master.read(PkiPaths.PKI_DIR + "/ca.crt");
        Path localCa = pkiDir.resolve("ca.crt");
        if (clusterCa.isPresent() && Files.exists(localCa) && !Arrays.equals(Files.readAllBytes(localCa), clusterCa.get())) {
            throw new IOException(pkiDir + " holds another CA than the cluster on " + master.target()
                    + "; give the upgrade an empty --pki folder so it can take the cluster's own");
        }
        Map<String, byte[]> copies = new LinkedHashMap<>();
        for (List<String> pair : PAIRS) {
            if (pair.stream().anyMatch(file -> Files.exists(pkiDir.resolve(file)))) {
                continue;
            }
            List<byte[]> contents = new ArrayList<>();
            for (String file : pair) {
                master.read(PkiPaths.PKI_DIR + "/" + file).ifPresent(contents::add);
            }
            if (contents.size() == pair.size()) {
                for (int i = 0; i < pair.size(); i++) {
                    copies.put(pair.get(i), contents.get(i));
                }
            }
        }
        return new Adoption(pkiDir, copies);
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.write(file, content);
        String name = file.getFileName().toString();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(name.endsWith(".key") ? "rw-------" : "rw-r--r--"));
    }
}
