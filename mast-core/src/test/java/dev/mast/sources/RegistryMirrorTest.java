package dev.mast.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Sources;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryMirrorTest {
    @Test
    void withoutAMirrorNothingIsWritten() {
        assertEquals(Optional.empty(), RegistryMirror.hostsFile(Sources.DEFAULT));
    }

    @Test
    void aMirrorBecomesContainerdsHostsFileForRegistryK8sIo() {
        var file = RegistryMirror.hostsFile(Sources.DEFAULT.withImageRegistry("http://10.0.0.5:5000/")).orElseThrow();
        assertEquals("/etc/containerd/certs.d/registry.k8s.io/hosts.toml", file.path());
        assertEquals("""
                # Written by Mast: registry.k8s.io's images come from the site's registry.
                server = "https://registry.k8s.io"

                [host."http://10.0.0.5:5000"]
                  capabilities = ["pull", "resolve"]
                """, file.text());
        assertEquals("http://10.0.0.5:5000/v2/", RegistryMirror.probeUrl(Sources.DEFAULT.withImageRegistry("http://10.0.0.5:5000")));
    }

    @Test
    void aHostWithoutSchemeIsHttpsAndAPathOverridesTheApiPath() {
        assertTrue(RegistryMirror.hostsFile(Sources.DEFAULT.withImageRegistry("registry.example.com")).orElseThrow().text()
                .contains("[host.\"https://registry.example.com\"]"));
        Sources harbor = Sources.DEFAULT.withImageRegistry("https://harbor.example.com/v2/k8s");
        assertTrue(RegistryMirror.hostsFile(harbor).orElseThrow().text().endsWith("  capabilities = [\"pull\", \"resolve\"]\n"
                + "  override_path = true\n"));
        assertEquals("https://harbor.example.com/v2/k8s/", RegistryMirror.probeUrl(harbor));
    }
}
