package dev.mast.ui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.PlanFile;
import dev.mast.plan.PlanValidator;
import dev.mast.ui.AppServices;
import dev.mast.ui.RunKind;
import dev.mast.ui.common.BackgroundExecutor;
import dev.mast.ui.common.UiSettings;
import dev.mast.ui.fixtures.TestServices;
import dev.mast.ui.fixtures.MemoryPreferences;
import dev.mast.ui.fixtures.SampleRenderer;
import dev.mast.ui.fixtures.ScriptedDialogs;
import dev.mast.ui.fixtures.UiFixtures;
import dev.mast.ui.wizard.PlanDraft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewViewModelTest {
    @TempDir
    Path temp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final SampleRenderer renderer = new SampleRenderer();
    private final UiSettings settings = new UiSettings(new MemoryPreferences());
    private PlanDraft draft;
    private PreviewViewModel model;

    @BeforeEach
    void setUp() {
        draft = new PlanDraft(new PlanValidator(UiFixtures.homeWithKeys(temp.resolve("home")), Files::isReadable));
        draft.load(UiFixtures.threeMasters());
        model = preview(TestServices.in(temp).withRenderer(renderer));
    }

    private PreviewViewModel preview(AppServices services) {
        return new PreviewViewModel(draft, services, BackgroundExecutor.callingThread(), dialogs, settings);
    }

    private PreviewFile file(String node, String path) {
        return model.nodes().stream().filter(n -> n.hostName().equals(node)).flatMap(n -> n.files().stream())
                .filter(f -> f.file().path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void rendersWhenShownAndAgainOnlyWhenThePlanChanged() {
        model.activate();
        model.activate();
        assertEquals(1, renderer.renders());
        assertEquals(PreviewViewModel.State.READY, model.stateProperty().get());
        assertTrue(model.validProperty().get());

        draft.nameProperty().set("staging");
        model.activate();
        assertEquals(2, renderer.renders());
    }

    @Test
    void rendersForTheRunKindAndAgainWhenTheKindChanges() {
        java.util.List<RunKind> kinds = new java.util.ArrayList<>();
        dev.mast.ui.PlanRenderer byKind = new dev.mast.ui.PlanRenderer() {
            @Override
            public dev.mast.render.RenderedCluster render(dev.mast.plan.Plan plan) throws Exception {
                return renderer.render(plan);
            }

            @Override
            public dev.mast.render.RenderedCluster render(dev.mast.plan.Plan plan, RunKind kind) throws Exception {
                kinds.add(kind);
                return render(plan);
            }
        };
        model = preview(TestServices.in(temp).withRenderer(byKind));
        model.activate();
        draft.kindProperty().set(RunKind.UPGRADE);
        model.activate();
        model.activate();

        assertEquals(java.util.List.of(RunKind.INSTALL, RunKind.UPGRADE), kinds);
    }

    @Test
    void opensOnTheFirstManifestAndNamesItsPod() {
        model.activate();

        PreviewFile shown = model.selectedProperty().get().orElseThrow();
        assertEquals("/etc/kubernetes/manifests/kube-apiserver.yaml", shown.file().path());
        assertEquals("Runs as pod kube-apiserver-master001 in kube-system", model.podNameProperty().get());
        assertEquals("apiVersion: v1", model.viewer().lines().get(0));
        assertEquals(6, model.nodes().size());
        assertEquals("master001 (etcd, master)", model.nodes().get(0).toString());
    }

    @Test
    void aSecretFileIsListedButItsContentIsNeverShown() {
        model.activate();
        model.select(file("master001", "/etc/kubernetes/pki/apiserver.key"));

        assertTrue(model.viewer().lines().isEmpty());
        assertEquals("", model.podNameProperty().get());
        assertFalse(model.fileTitleProperty().get().contains(SampleRenderer.SECRET_MARKER));
        assertEquals("pki/apiserver.key (private key)", file("master001", "/etc/kubernetes/pki/apiserver.key").label());
    }

    @Test
    void aRendererThatFailsBlocksTheRunAndSaysWhy() {
        PreviewViewModel failing = preview(TestServices.in(temp)
                .withRenderer(plan -> {
                    throw new IllegalStateException("no CA in /var/lib/mast/pki");
                }));
        failing.activate();

        assertEquals(PreviewViewModel.State.FAILED, failing.stateProperty().get());
        assertEquals("The files could not be rendered: no CA in /var/lib/mast/pki", failing.statusProperty().get());
        assertFalse(failing.validProperty().get());
    }

    @Test
    void savingWritesTheDraftToTheChosenFileAndRemembersIt() throws Exception {
        Path file = temp.resolve("saved.yaml");
        dialogs.choosePath(file);
        model.savePlan();

        assertEquals(draft.toPlan(), PlanFile.read(file).plan());
        assertEquals(file.toAbsolutePath(), settings.lastPlan().orElseThrow());
        assertEquals("Saved the plan to " + file + ".", model.messageProperty().get());
    }

    @Test
    void exportWritesEveryPublicFilePerNodeAndLeavesOutPrivateKeys() throws Exception {
        model.activate();
        Path folder = temp.resolve("export");
        model.exportFiles(folder);

        Path manifest = folder.resolve("master001/etc/kubernetes/manifests/kube-apiserver.yaml");
        assertEquals(file("master001", "/etc/kubernetes/manifests/kube-apiserver.yaml").file().text(), Files.readString(manifest));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(manifest)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("worker001/var/lib/kubelet/config.yaml"))));
        assertFalse(Files.exists(folder.resolve("master001/etc/kubernetes/pki/apiserver.key")));
        try (Stream<Path> all = Files.walk(folder)) {
            assertTrue(all.filter(Files::isRegularFile).noneMatch(p -> {
                try {
                    return Files.readString(p).contains(SampleRenderer.SECRET_MARKER);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        assertTrue(model.messageProperty().get().contains("9 private keys were left out"), model.messageProperty().get());
    }

    @Test
    void onAnUpgradeAManifestIsComparedWithTheUnitItReplaces() {
        draft.kindProperty().set(RunKind.UPGRADE);
        model.activate();

        ComparisonModel comparison = model.comparison();
        assertEquals("Replaces /etc/systemd/system/kube-apiserver.service on master001.", comparison.statusProperty().get());
        assertEquals("[Unit]", comparison.rows().get(0).left());
        assertEquals("apiVersion: v1", comparison.rows().get(0).right());
        assertTrue(comparison.carriedFlags().contains("kube-apiserver: --profiling=false"));

        model.select(file("worker001", "/var/lib/kubelet/config.yaml"));
        assertTrue(comparison.rows().stream().anyMatch(r -> r.kind() == DiffRow.Kind.CHANGED && r.left().equals("cgroupDriver: cgroupfs")));
        model.select(file("worker001", "/etc/kubernetes/pki/ca.crt"));
        assertEquals("worker001 has nothing at /etc/kubernetes/pki/ca.crt yet: the file is new.", comparison.statusProperty().get());
    }

    @Test
    void anInstallComparesNothing() {
        model.activate();

        assertTrue(model.comparison().rows().isEmpty());
        assertFalse(model.upgradeProperty().get());
    }

    @Test
    void eachNodeShowsWhatTheRunDoesThereStepByStepFromTheDryRun() {
        model.activate();

        PreviewSteps worker = node("worker001").steps();
        assertEquals("1. Check the node [preflight/node] on every node: asks the node when the run starts", worker.lines().get(0));
        assertTrue(worker.lines().contains("     write /etc/kubernetes/manifests/kube-proxy.yaml (600)"), worker.lines().toString());
        assertFalse(worker.lines().stream().anyMatch(l -> l.contains("[control-plane/static-pods]")), worker.lines().toString());
        List<String> master = node("master001").steps().lines();
        assertTrue(master.contains("     write /etc/kubernetes/manifests/kube-apiserver.yaml (600)"), master.toString());
        assertTrue(master.get(master.size() - 2).endsWith("Save the admin kubeconfig [kubeconfig/save] on the first master"), master.toString());
        assertFalse(String.join("\n", master).contains(SampleRenderer.SECRET_MARKER));

        model.selectSteps(worker);
        assertEquals(worker.lines(), model.viewer().lines());
        assertEquals("What the install does on worker001, step by step · nothing has run yet", model.fileTitleProperty().get());
        assertTrue(model.selectedProperty().get().isEmpty());
    }

    @Test
    void anUpgradesStepsStartByTakingTheClustersCaOnTheFirstMasterOnly() {
        draft.kindProperty().set(RunKind.UPGRADE);
        model.activate();

        assertEquals("1. Take the cluster's CA [pki/adopt-ca] on the first master: asks the node when the run starts",
                node("master001").steps().lines().get(0));
        assertFalse(node("master002").steps().lines().stream().anyMatch(l -> l.contains("[pki/adopt-ca]")));
        assertEquals("What the upgrade does here, step by step", node("master002").steps().toString());
    }

    @Test
    void stepsThatCannotBeWorkedOutSayWhyAndLeaveTheFilesToRead() {
        dev.mast.ui.PlanRenderer failing = new dev.mast.ui.PlanRenderer() {
            @Override
            public dev.mast.render.RenderedCluster render(dev.mast.plan.Plan plan) {
                return renderer.render(plan);
            }

            @Override
            public java.util.Map<String, List<String>> steps(dev.mast.plan.Plan plan, RunKind kind, dev.mast.render.RenderedCluster files) {
                throw new IllegalStateException("master001 refused the connection");
            }
        };
        model = preview(TestServices.in(temp).withRenderer(failing));
        model.activate();

        assertEquals(PreviewViewModel.State.READY, model.stateProperty().get());
        assertEquals(List.of("The steps could not be worked out: master001 refused the connection"), node("worker002").steps().lines());
        assertEquals("/etc/kubernetes/manifests/kube-apiserver.yaml", model.selectedProperty().get().orElseThrow().file().path());
    }

    private PreviewNode node(String name) {
        return model.nodes().stream().filter(n -> n.hostName().equals(name)).findFirst().orElseThrow();
    }
}
