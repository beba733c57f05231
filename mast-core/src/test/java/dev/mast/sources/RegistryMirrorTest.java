package dev.mast.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Sources;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryMirrorTest {
    @Test
    void withoutAMirrorNothingIsWritten() {
        assertEquals(List.of(), RegistryMirror.hostsFiles(Sources.DEFAULT));
    }

    @Test
    void aMirrorBecomesContainerdsHostsFilesForRegistryK8sIoAndFlannelsGhcrIo() {
        var files = RegistryMirror.hostsFiles(Sources.DEFAULT.withImageRegistry("http://10.0.0.5:5000/"));
        assertEquals(List.of("/etc/containerd/certs.d/registry.k8s.io/hosts.toml", "/etc/containerd/certs.d/ghcr.io/hosts.toml"),
                files.stream().map(f -> f.path()).toList());
        var file = files.get(0);
        assertEquals("""
                # Written by Mast: registry.k8s.io's images come from the site's registry.
                server = "https://registry.k8s.io"

                [host."http://10.0.0.5:5000"]
                  capabilities = ["pull", "resolve"]
                """, file.text());
        assertTrue(files.get(1).text().startsWith("# Written by Mast: ghcr.io's images come from the site's registry.\n"
                + "server = \"https://ghcr.io\"\n"), files.get(1).text());
        assertEquals("http://10.0.0.5:5000/v2/", RegistryMirror.probeUrl(Sources.DEFAULT.withImageRegistry("http://10.0.0.5:5000")));
    }

    @Test
    void aHostWithoutSchemeIsHttpsAndAPathOverridesTheApiPath() {
        assertTrue(RegistryMirror.hostsFiles(Sources.DEFAULT.withImageRegistry("registry.example.com")).get(0).text()
                .contains("[host.\"https://registry.example.com\"]"));
        Sources harbor = Sources.DEFAULT.withImageRegistry("https://harbor.example.com/v2/k8s");
        assertTrue(RegistryMirror.hostsFiles(harbor).get(1).text().endsWith("  capabilities = [\"pull\", \"resolve\"]\n"
                + "  override_path = true\n"));
        assertEquals("https://harbor.example.com/v2/k8s/", RegistryMirror.probeUrl(harbor));
    }
}
