package dev.mast.ui;

import java.util.Optional;

/**
 * The core as the GUI sees it. Each service may be absent while its part of Mast is not built
 * into the app yet; the GUI then disables what needs it and says why in a tooltip.
 */
public record AppServices(Optional<PlanRenderer> renderer,
                          Optional<ConnectionTester> connectionTester,
                          Optional<RunLauncher> runLauncher,
                          Optional<SimulatedClusterStarter> simulator,
                          Optional<UpgradeInspector> upgradeInspector,
                          Optional<NodeAccess> nodeAccess) {

    /** Why a button that needs an absent service is disabled. */
    public static final String NOT_AVAILABLE = "Not available yet in this build of Mast";

    /** {@code Running an install is not available yet in this build of Mast}. */
    public static String notAvailable(String what) {
        return what + " is not available yet in this build of Mast";
    }

    public static AppServices none() {
        return new AppServices(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public AppServices withRenderer(PlanRenderer value) {
        return new AppServices(Optional.of(value), connectionTester, runLauncher, simulator, upgradeInspector, nodeAccess);
    }

    public AppServices withConnectionTester(ConnectionTester value) {
        return new AppServices(renderer, Optional.of(value), runLauncher, simulator, upgradeInspector, nodeAccess);
    }

    public AppServices withRunLauncher(RunLauncher value) {
        return new AppServices(renderer, connectionTester, Optional.of(value), simulator, upgradeInspector, nodeAccess);
    }

    public AppServices withSimulator(SimulatedClusterStarter value) {
        return new AppServices(renderer, connectionTester, runLauncher, Optional.of(value), upgradeInspector, nodeAccess);
    }

    public AppServices withUpgradeInspector(UpgradeInspector value) {
        return new AppServices(renderer, connectionTester, runLauncher, simulator, Optional.of(value), nodeAccess);
    }

    public AppServices withNodeAccess(NodeAccess value) {
        return new AppServices(renderer, connectionTester, runLauncher, simulator, upgradeInspector, Optional.of(value));
    }
}
