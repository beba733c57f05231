package dev.mast.plan;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** Test plans: the shared sample files, and copies of a plan with one field changed. */
final class TestPlans {
    static final String THREE_MASTERS = "/plans/three-masters.yaml";
    static final String EXAMPLE = "/plans/example.yaml";

    private TestPlans() {
    }

    static LoadedPlan load(String resource) {
        try (var reader = new InputStreamReader(Objects.requireNonNull(TestPlans.class.getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8)) {
            return PlanFile.read(resource.substring(resource.lastIndexOf('/') + 1), reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        try (var in = Objects.requireNonNull(TestPlans.class.getResourceAsStream(resource), resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Plan threeMasters() {
        return load(THREE_MASTERS).plan();
    }

    /** A home directory holding the key files the sample plans name, so their keys can be read. */
    static Path homeWithKeys(Path home) throws IOException {
        Files.createDirectories(home.resolve(".ssh"));
        for (String key : new String[] {"id_ed25519", "workers_ed25519", "cluster_ed25519"}) {
            Files.writeString(home.resolve(".ssh").resolve(key), "-----BEGIN OPENSSH PRIVATE KEY-----\n");
        }
        return home;
    }

    static Plan withName(Plan p, String value) {
        return new Plan(value, p.kubernetesVersion(), p.runtime(), p.podCidr(), p.serviceCidr(), p.dnsDomain(),
                p.apiServerPort(), p.controlPlaneEndpoint(), p.nodes(), p.extraFlags());
    }

    static Plan withVersion(Plan p, String value) {
        return new Plan(p.name(), value, p.runtime(), p.podCidr(), p.serviceCidr(), p.dnsDomain(),
                p.apiServerPort(), p.controlPlaneEndpoint(), p.nodes(), p.extraFlags());
    }

    static Plan withRuntime(Plan p, ContainerRuntime value) {
        return new Plan(p.name(), p.kubernetesVersion(), value, p.podCidr(), p.serviceCidr(), p.dnsDomain(),
                p.apiServerPort(), p.controlPlaneEndpoint(), p.nodes(), p.extraFlags(), p.ssh(), p.clusterDns(), p.podNetwork(), p.apiServerCert(),
                p.sources());
    }

    static Plan withPodCidr(Plan p, String value) {
        return new Plan(p.name(), p.kubernetesVersion(), p.runtime(), value, p.serviceCidr(), p.dnsDomain(),
                p.apiServerPort(), p.controlPlaneEndpoint(), p.nodes(), p.extraFlags());
    }

    static Plan withServiceCidr(Plan p, String value) {
        return new Plan(p.name(), p.kubernetesVersion(), p.runtime(), p.podCidr(), value, p.dnsDomain(),
                p.apiServerPort(), p.controlPlaneEndpoint(), p.nodes(), p.extraFlags());
    }

    static Plan withDnsDomain(Plan p, String value) {
        return new Plan(p.name(), p.kubernetesVersion(), p.runtime(), p.podCidr(), p.serviceCidr(), value,
                p.apiServerPort(), p.controlPlaneEndpoint(), p.nodes(), p.extraFlags());
    }

    static Plan withApiServerPort(Plan p, int value) {
        return new Plan(p.name(), p.kubernetesVersion(), p.runtime(), p.podCidr(), p.serviceCidr(), p.dnsDomain(),
                value, p.controlPlaneEndpoint(), p.nodes(), p.extraFlags());
    }

    static Plan withEndpoint(Plan p, String value) {
        return new Plan(p.name(), p.kubernetesVersion(), p.runtime(), p.podCidr(), p.serviceCidr(), p.dnsDomain(),
                p.apiServerPort(), value, p.nodes(), p.extraFlags());
    }

    static Plan withNode(Plan p, int index, UnaryOperator<Node> change) {
        var nodes = new ArrayList<>(p.nodes());
        nodes.set(index, change.apply(nodes.get(index)));
        return p.withNodes(nodes);
    }
}
