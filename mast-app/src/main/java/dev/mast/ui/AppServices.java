package dev.mast.ui;

import java.util.Objects;

/**
 * The core as the GUI sees it. The app fills every service ({@code app.CoreServices}); tests fill
 * them from their fixtures and replace the one a test is about with a {@code withX} method.
 */
public record AppServices(PlanRenderer renderer,
                          ConnectionTester connectionTester,
                          RunLauncher runLauncher,
                          SimulatedClusterStarter simulator,
                          UpgradeInspector upgradeInspector,
                          NodeAccess nodeAccess) {

    public AppServices {
        Objects.requireNonNull(renderer, "renderer");
        Objects.requireNonNull(connectionTester, "connectionTester");
        Objects.requireNonNull(runLauncher, "runLauncher");
        Objects.requireNonNull(simulator, "simulator");
        Objects.requireNonNull(upgradeInspector, "upgradeInspector");
        Objects.requireNonNull(nodeAccess, "nodeAccess");
    }

    public AppServices withRenderer(PlanRenderer value) {
        return new AppServices(value, connectionTester, runLauncher, simulator, upgradeInspector, nodeAccess);
    }

    public AppServices withConnectionTester(ConnectionTester value) {
        return new AppServices(renderer, value, runLauncher, simulator, upgradeInspector, nodeAccess);
    }

    public AppServices withRunLauncher(RunLauncher value) {
        return new AppServices(renderer, connectionTester, value, simulator, upgradeInspector, nodeAccess);
    }

    public AppServices withSimulator(SimulatedClusterStarter value) {
        return new AppServices(renderer, connectionTester, runLauncher, value, upgradeInspector, nodeAccess);
    }

    public AppServices withUpgradeInspector(UpgradeInspector value) {
        return new AppServices(renderer, connectionTester, runLauncher, simulator, value, nodeAccess);
    }

    public AppServices withNodeAccess(NodeAccess value) {
        return new AppServices(renderer, connectionTester, runLauncher, simulator, upgradeInspector, value);
    }
}
