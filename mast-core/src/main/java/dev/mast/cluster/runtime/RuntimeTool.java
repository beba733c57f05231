package dev.mast.cluster.runtime;

import dev.mast.cluster.logs.LogRequest;
import dev.mast.plan.ContainerRuntime;
import java.util.List;

/**
 * The command-line tool a person would use on the node for its runtime: the scripts that list the
 * kubelet's containers and print a container's logs, and how to read the listing back.
 */
public sealed interface RuntimeTool permits Crictl, DockerCli {

    static RuntimeTool of(ContainerRuntime runtime) {
        return runtime == ContainerRuntime.DOCKER ? new DockerCli() : new Crictl();
    }

    /** The runtime's name for labels: {@code containerd} or {@code docker}. */
    String runtimeName();

    /** Lists every container, exited ones too; with a component, only that component's. */
    String listScript(String componentOrNull, String podNameOrNull);

    /** Reads a listing's standard output; throws IllegalArgumentException when it is not what the tool prints. */
    List<RuntimeContainer> parse(List<String> stdout);

    /** Prints a container's logs with the request's tail, since, timestamps and follow. */
    String logsScript(String containerId, LogRequest request);

    /** Single-quotes a word for {@code /bin/sh}. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The options both tools share, in the form both accept. */
    static String logOptions(LogRequest request) {
        StringBuilder options = new StringBuilder();
        request.tailLines().ifPresent(n -> options.append(" --tail ").append(n));
        request.sinceSeconds().ifPresent(s -> options.append(" --since ").append(s).append('s'));
        if (request.timestamps()) {
            options.append(" --timestamps");
        }
        if (request.follow()) {
            options.append(" --follow");
        }
        return options.toString();
    }
}
