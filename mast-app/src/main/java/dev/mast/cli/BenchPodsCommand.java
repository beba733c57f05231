package dev.mast.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mast bench pods}: a simulated API with N pods, the pod list screen rendering them, and a
 * burst of changes; the screen runs headless when there is no display.
 */
@Command(name = "pods", mixinStandardHelpOptions = true, description = "Pod list: time from the first list to a rendered table, and change events per second.")
final class BenchPodsCommand implements Callable<Integer> {
    @Option(names = "--pods", paramLabel = "N", defaultValue = "10000", description = "How many pods (default: ${DEFAULT-VALUE}).")
    int pods;

    @Option(names = "--events", paramLabel = "N", defaultValue = "5000", description = "How many pod changes to time (default: ${DEFAULT-VALUE}).")
    int events;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (pods < 1 || events < 1) {
            spec.commandLine().getErr().println("mast bench pods: --pods and --events must be at least 1");
            return MastCommand.BAD_INPUT;
        }
        if (!ProductJvm.isCurrent()) {
            return ProductJvm.rerun(spec);
        }
        // The driver lives with the UI; it is called through a plain static method so this package stays free of JavaFX.
        var results = dev.mast.bench.PodsBench.run(pods, events);
        results.forEach((key, value) -> spec.commandLine().getOut().println(key + ": " + value));
        spec.commandLine().getOut().flush();
        return MastCommand.OK;
    }
}
