package dev.mast.app;

import dev.mast.cluster.runtime.NodeSessions;
import dev.mast.node.SshOptions;
import dev.mast.node.CredentialPrompt;
import dev.mast.node.NodeConnector;
import dev.mast.ui.AppServices;
import dev.mast.ui.common.DialogsFromBackground;
import dev.mast.ui.common.FxDialogService;
import dev.mast.workflow.RunLog;
import java.nio.file.Path;

/** The real core behind every service the GUI uses. */
public final class CoreServices {
    private CoreServices() {
    }

    /** The app's: the user's folders, secrets asked in dialogs over the app's window. */
    public static AppServices create() {
        AppFolders folders = AppFolders.standard();
        CredentialPrompt prompt = new DialogCredentialPrompt(DialogsFromBackground.onFxThread(FxDialogService.ownedByTheShowingWindow()));
        return create(folders, RunLog.defaultBase(), prompt, new InProcessSimulator(folders));
    }

    /**
     * @param runsBase where run logs go (tests point it at a temporary folder)
     * @param prompt   asked for passphrases, passwords and new host keys, from background threads
     */
    static AppServices create(AppFolders folders, Path runsBase, CredentialPrompt prompt, InProcessSimulator simulator) {
        return new AppServices(new CorePlanRenderer(folders, prompt), new SshConnectionTester(folders, prompt),
                new WorkflowRunLauncher(folders, runsBase, prompt), simulator, new CoreUpgradeInspector(folders, prompt),
                // The operate screens trust the host keys recorded for the plan (the Nodes page or a run did that)
                // and ask nothing: their node view refreshes on its own, and must not raise dialogs each time.
                plan -> NodeSessions.owning(new NodeConnector(CredentialPrompt.refusing(), folders.ssh(plan), SshOptions.DEFAULT)));
    }
}
