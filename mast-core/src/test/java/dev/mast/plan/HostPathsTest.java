package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostPathsTest {
    @Test
    void listsAndCertKeyPairsAreSplitIntoTheirPaths() {
        assertEquals(List.of("/a/b.crt", "/a/b.key"), HostPaths.pathsIn("/a/b.crt,/a/b.key:*.example.com"));
    }

    @Test
    void urlsAddressesAndCidrsAreNotPaths() {
        for (String value : List.of("https://10.0.0.1:2379", "0.0.0.0:10256", "10.96.0.0/12", "Node,RBAC", "api/all=true",
                "file:///etc/x", "/a/../etc/shadow")) {
            assertEquals(List.of(), HostPaths.pathsIn(value), value);
        }
    }

    @Test
    void aPathIsSeenThroughItsFolderOrItselfWhenItIsAFolderOfASystemFolder() {
        assertEquals(Optional.of("/var/log/kubernetes"), HostPaths.folderToMount("/var/log/kubernetes/audit.log"));
        assertEquals(Optional.of("/var/log/kubernetes"), HostPaths.folderToMount("/var/log/kubernetes/"));
        assertEquals(Optional.of("/etc/pki"), HostPaths.folderToMount("/etc/pki"));
    }

    @Test
    void aFileDirectlyInASystemFolderOrTheFolderItselfHasNoMountOfItsOwn() {
        for (String path : List.of("/var/log/kube-apiserver-audit.log", "/etc/scheduler.yaml", "/var/log", "/etc/", "/x.conf")) {
            assertEquals(Optional.empty(), HostPaths.folderToMount(path), path);
        }
    }

    @Test
    void systemFoldersAreNoPodsToMountWhole() {
        assertEquals(true, HostPaths.isSystemFolder("/var/log"));
        assertEquals(false, HostPaths.isSystemFolder("/var/log/kubernetes"));
    }
}
