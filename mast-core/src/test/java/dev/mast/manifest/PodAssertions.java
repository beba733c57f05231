package dev.mast.manifest;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a parsed pod the way a person checking it would: its one container, its flags. */
final class PodAssertions {
    private PodAssertions() {
    }

    static Container container(Pod pod) {
        List<Container> containers = pod.getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(pod.getMetadata().getName() + " has " + containers.size() + " containers, expected 1");
        }
        return containers.get(0);
    }

    /** The {@code --name=value} arguments after the binary, name to value; a repeated flag fails. */
    static Map<String, String> flags(Pod pod) {
        var flags = new LinkedHashMap<String, String>();
        List<String> command = container(pod).getCommand();
        for (String argument : command.subList(1, command.size())) {
            if (!argument.startsWith("--") || !argument.contains("=")) {
                throw new AssertionError("not a --name=value flag: " + argument);
            }
            int eq = argument.indexOf('=');
            if (flags.put(argument.substring(2, eq), argument.substring(eq + 1)) != null) {
                throw new AssertionError("flag repeated: " + argument.substring(0, eq));
            }
        }
        return flags;
    }
}
