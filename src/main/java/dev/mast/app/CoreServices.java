package dev.mast.app;

import dev.mast.node.CredentialPrompt;
import dev.mast.node.NodeConnector;
import dev.mast.ui.AppServices;

/** The real core behind every service the GUI uses. */
public final class CoreServices {
    private CoreServices() {
    }

    public static AppServices create() {
        AppFolders folders = AppFolders.standard();
        return AppServices.none()
                .withRenderer(new CorePlanRenderer(folders))
                .withConnectionTester(new SshConnectionTester(folders))
                .withRunLauncher(new WorkflowRunLauncher(folders))
                .withSimulator(new InProcessSimulator(folders))
                .withUpgradeInspector(new CoreUpgradeInspector(folders))
                // The operate screens trust the host keys recorded for the plan (the Nodes page or a run did that).
                .withNodeAccess(plan -> new NodeConnector(CredentialPrompt.refusing(), folders.knownHosts(plan)));
    }
}
