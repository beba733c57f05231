package dev.mast.pki;

import static dev.mast.pki.PkiTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.mast.plan.Node;
import dev.mast.files.NodeFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Private keys never show up where a person or a log could read them. */
class SecretsTest {
    @TempDir
    Path dir;

    private static void assertNoKey(String text) {
        assertFalse(text.contains("PRIVATE KEY"), text);
        assertFalse(text.contains("BEGIN"), text);
    }

    @Test
    void toStringsNeverShowKeyMaterial() {
        ClusterPki pki = new PkiStore().loadOrCreate(dir, plan());
        assertNoKey(pki.toString());
        assertNoKey(pki.serviceAccountKey().toString());
        assertNoKey(pki.changes().toString());
        for (String name : ClusterCertificates.forPlan(plan()).stream().map(CertificateSpec::name).toList()) {
            Credential credential = pki.credential(name);
            assertNoKey(credential.toString());
            assertFalse(credential.toString().contains(credential.privateKey().toString()));
        }
        for (Node node : plan().nodes()) {
            for (NodeFile file : pki.nodeFiles(node)) {
                assertNoKey(file.toString());
            }
        }
    }

    @Test
    void anUnknownCredentialNameIsAClearError() {
        ClusterPki pki = new PkiStore().loadOrCreate(dir, plan());
        var error = assertThrows(IllegalArgumentException.class, () -> pki.credential("nope"));
        assertTrue(error.getMessage().contains("nope"));
    }
}
