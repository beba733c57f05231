package dev.mast.cli;

import dev.mast.cluster.ApiRoute;
import dev.mast.node.NodeConnector;
import dev.mast.node.SshEnvironment;
import dev.mast.node.SshOptions;
import dev.mast.plan.LoadedPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options of {@code mast pods} and {@code mast logs} that reach the plan's nodes over SSH,
 * to ask their container runtimes when the API server does not answer.
 */
final class NodeOptions {
    @Option(names = "--plan", paramLabel = "FILE", description = "The cluster's plan: its nodes are asked when the API server does not answer.")
    Path planFile;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "The known_hosts file (default: UserKnownHostsFile of ~/.ssh/config, else ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = "--yes", description = "Non-interactive: ask nothing; unknown host keys and missing passwords then fail.")
    boolean yes;

    boolean hasPlan() {
        return planFile != null;
    }

    /**
     * The plan when one was given; empty when none was, or when it could not be used (its errors are
     * printed; not its warnings about the cluster, as these commands take from it only how to reach the nodes).
     */
    Optional<LoadedPlan> loadPlan(String command, PrintWriter err) {
        if (planFile == null) {
            return Optional.empty();
        }
        var input = new PlanInput();
        input.file = planFile;
        return input.load(command, err, false);
    }

    /** The API server is asked as the plan's masters are reached: through their jump hosts, if they have any. */
    static ApiRoute apiRoute(Optional<LoadedPlan> plan, Optional<NodeConnector> connector) {
        return plan.isPresent() && connector.isPresent() ? ApiRoute.throughJumps(plan.get().plan(), connector.get())
                : ApiRoute.DIRECT;
    }

    /** A connector when a plan was given: its nodes' SSH settings say how to reach them, and the API server. */
    Optional<NodeConnector> connector(Optional<LoadedPlan> plan) {
        return plan.map(p -> connector());
    }

    /** --known-hosts wins over UserKnownHostsFile in ~/.ssh/config, as ssh -o would. */
    NodeConnector connector() {
        return new NodeConnector(ConsolePrompt.forRun(yes), SshEnvironment.ofUser(knownHosts), SshOptions.DEFAULT);
    }
}
