package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.files.NodeFile;
import dev.mast.node.CredentialPrompt;
import dev.mast.node.NodeConnector;
import dev.mast.plan.Plan;
import dev.mast.plan.PlanFile;
import dev.mast.render.ClusterRenderer;
import dev.mast.sim.Provisioning;
import dev.mast.sim.machine.VirtualFs;
import dev.mast.sources.PackageRepository;
import dev.mast.workflow.Remote;
import dev.mast.workflow.RemoteFactory;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.SshRemote;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.run.ClusterRun;
import dev.mast.workflow.tasks.Packages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mast render} writes, per node, exactly the files an install writes on that node: an install on simulated
 * nodes (a master and a worker) records every file it writes over SSH, and both sets
 * must be the same, both ways, byte for byte (the same PKI folder), and each is on the node afterwards.
 */
class RenderMatchesInstallOnSimulatorTest {
    /**
     * What an install writes that no plan can say: where the node's distribution takes packages from (its own
     * sources format) and Mast's records of its own run (the node's lock, the packages it installed).
     */
    private static final Set<String> NOT_RENDERED = Set.of(PackageRepository.APT_LIST, PackageRepository.APT_SOURCES,
            PackageRepository.APT_KEYRING, PackageRepository.YUM_REPO);
    private static final String RUN_RECORDS = "/var/lib/mast/";

    @TempDir
    Path dir;

    /** Nodes with nothing on them, and nodes whose container runtime was installed before Mast came. */
    @ParameterizedTest
    @EnumSource(value = Provisioning.class, names = {"FRESH", "FRESH_WITH_RUNTIME"})
    void renderWritesTheFilesAnInstallWritesOnEachNode(Provisioning provisioning) throws Exception {
        try (SimulatedPlan sim = SimulatedPlan.start(dir, 2, provisioning)) {
            Path out = dir.resolve("rendered");
            CliRun render = CliRun.of("render", "--plan", sim.plan().toString(), "--out", out.toString());
            assertEquals(0, render.exitCode(), render.out() + render.err());

            Plan plan = PlanFile.read(sim.plan()).plan();
            Map<String, Map<String, NodeFile>> written = new ConcurrentHashMap<>();
            var request = ClusterRun.Request.of(plan, ClusterRun.Kind.INSTALL, ClusterRenderer.defaultPkiDir(sim.plan()),
                    dir.resolve("admin.conf")).withTimeouts(new Timeouts(Duration.ofSeconds(60), Timeouts.DEFAULT.poll()));
            try (NodeConnector connector = new NodeConnector(CredentialPrompt.refusing(), sim.knownHosts());
                 ClusterRun install = ClusterRun.over(request, recordingWrites(SshRemote.factory(connector), written))) {
                RunSummary summary = install.run(Set.of(), event -> { });
                assertTrue(summary.succeeded(), summary.describe());
            }

            for (String node : List.of("node001", "node002")) {
                Map<String, NodeFile> installed = written.get(node);
                Set<String> installedPaths = installed.keySet().stream()
                        .filter(path -> !NOT_RENDERED.contains(path) && !path.startsWith(RUN_RECORDS))
                        .collect(Collectors.toCollection(TreeSet::new));
                Path nodeDir = out.resolve(node);
                Set<String> renderedPaths;
                try (Stream<Path> files = Files.walk(nodeDir)) {
                    renderedPaths = files.filter(Files::isRegularFile).map(file -> "/" + nodeDir.relativize(file))
                            .collect(Collectors.toCollection(TreeSet::new));
                }
                assertEquals(Set.of(), difference(installedPaths, renderedPaths), node + ": written by the install, not by render");
                assertEquals(Set.of(), difference(renderedPaths, installedPaths), node + ": written by render, not by the install");
                VirtualFs fs = sim.cluster().node(node).machine().fs();
                for (String path : renderedPaths) {
                    byte[] rendered = Files.readAllBytes(nodeDir.resolve(path.substring(1)));
                    assertArrayEquals(rendered, installed.get(path).content(), node + ": " + path + " differs");
                    assertTrue(fs.exists(path), node + ": " + path + " is not on the node after the install");
                }
            }
            assertTrue(written.get("node001").containsKey("/etc/kubernetes/super-admin.conf"), written.get("node001").keySet().toString());
            assertTrue(written.get("node001").keySet().stream().anyMatch(path -> path.startsWith("/etc/sysctl.d/")),
                    written.get("node001").keySet().toString());
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    /** Every file written through a node's remote, by node and path; the writes still reach the node. */
    private static RemoteFactory recordingWrites(RemoteFactory remotes, Map<String, Map<String, NodeFile>> written) {
        return (node, log) -> {
            Remote remote = remotes.open(node, log);
            Map<String, NodeFile> files = written.computeIfAbsent(node.hostName(), name -> new ConcurrentHashMap<>());
            return new Remote() {
                @Override
                public Output query(String script) throws Exception {
                    return remote.query(script);
                }

                @Override
                public Output exec(String script) throws Exception {
                    return remote.exec(script);
                }

                @Override
                public void write(NodeFile file) throws Exception {
                    files.put(file.path(), file);
                    remote.write(file);
                }

                @Override
                public void writeAll(List<NodeFile> all) throws Exception {
                    all.forEach(file -> files.put(file.path(), file));
                    remote.writeAll(all);
                }

                @Override
                public Optional<byte[]> read(String path) throws Exception {
                    return remote.read(path);
                }

                @Override
                public void perform(String what, Action action) throws Exception {
                    remote.perform(what, action);
                }

                @Override
                public String target() {
                    return remote.target();
                }

                @Override
                public void close() {
                    remote.close();
                }
            };
        };
    }
}
