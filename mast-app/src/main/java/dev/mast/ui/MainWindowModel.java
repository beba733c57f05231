package dev.mast.ui;

import dev.mast.ui.common.UiThreads;
import dev.mast.ui.preview.PreviewViewModel;
import dev.mast.ui.run.RunViewModel;
import dev.mast.ui.wizard.ClusterViewModel;
import dev.mast.ui.wizard.ConnectionTests;
import dev.mast.ui.wizard.NodesViewModel;
import dev.mast.ui.wizard.PlanDraft;
import dev.mast.ui.wizard.StartViewModel;
import dev.mast.ui.wizard.WizardPage;
import dev.mast.ui.wizard.WizardStep;
import dev.mast.ui.wizard.WizardViewModel;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Builds every view model of the main window from the services and the environment: the one
 * place that knows which screen gets which service. Tests build it with in-test services.
 */
public final class MainWindowModel {
    private final UiEnvironment environment;
    private final PlanDraft draft;
    private final StartViewModel start;
    private final ClusterViewModel cluster;
    private final NodesViewModel nodes;
    private final PreviewViewModel preview;
    private final RunViewModel run;
    private final WizardViewModel wizard;
    private final OperateNavigation operate;

    /** @param uiThread where batches of run events and of pod and log changes are applied: {@code Platform::runLater} */
    public MainWindowModel(AppServices services, UiEnvironment env, Executor uiThread) {
        this.environment = env;
        draft = new PlanDraft(env.validator());
        start = new StartViewModel(draft, env.background(), env.dialogs(), env.settings(), services.simulator());
        cluster = new ClusterViewModel(draft);
        var tests = new ConnectionTests(services.connectionTester(), env.background(), env.dialogs());
        nodes = new NodesViewModel(draft, env.dialogs(), tests, env.home());
        preview = new PreviewViewModel(draft, services, env.background(), env.dialogs(), env.settings());
        run = new RunViewModel(services.runLauncher(), env.dialogs(), env.folders(), env.clock(), uiThread);
        Map<WizardPage, WizardStep> pages = new EnumMap<>(WizardPage.class);
        pages.put(WizardPage.START, start);
        pages.put(WizardPage.CLUSTER, cluster);
        pages.put(WizardPage.NODES, nodes);
        pages.put(WizardPage.PREVIEW, preview);
        pages.put(WizardPage.RUN, run);
        wizard = new WizardViewModel(draft, pages, run::confirmAndStart, run.runningProperty());
        operate = new OperateNavigation(UiThreads.forApp(uiThread), services.nodeAccess(), env.dialogs(), draft, env.clock(),
                env.home());
        run.setPodListOpener(operate::openAfterRun);
    }

    public UiEnvironment environment() {
        return environment;
    }

    public PlanDraft draft() {
        return draft;
    }

    public StartViewModel start() {
        return start;
    }

    public ClusterViewModel cluster() {
        return cluster;
    }

    public NodesViewModel nodes() {
        return nodes;
    }

    public PreviewViewModel preview() {
        return preview;
    }

    public RunViewModel run() {
        return run;
    }

    public WizardViewModel wizard() {
        return wizard;
    }

    /** The pod list and log viewers, shown instead of the wizard while a session is open. */
    public OperateNavigation operate() {
        return operate;
    }
}
