package dev.mast.sim.commands;

import dev.mast.sim.machine.Container;
import dev.mast.sim.machine.Containers;
import dev.mast.sim.machine.ImageRef;
import dev.mast.sim.machine.RuntimeBackend;
import dev.mast.sim.machine.Sandbox;
import dev.mast.sim.shell.CommandException;
import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * crictl against the node's CRI runtime (containerd, or Docker through cri-dockerd, by
 * {@code /etc/crictl.yaml} or {@code --runtime-endpoint}): pull, images, inspecti, rmi, ps,
 * pods, stopp, logs, inspect, stop, rm, version.
 */
final class CrictlCommand {
    private static final Set<String> VALUED = Set.of("name", "state", "output", "tail", "pod", "label", "runtime-endpoint",
            "image-endpoint", "since", "id");

    private CrictlCommand() {
    }

    static void register(CommandTable table) {
        table.add("crictl", "/usr/bin/crictl", CommandTable.Gate.FILE, CrictlCommand::crictl);
    }

    private static int crictl(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "or", VALUED);
        if (args.operands().isEmpty()) {
            throw new CommandException(1, "NAME:\n   crictl - client for CRI\n\nUSAGE:\n   crictl [global options] command [command options]");
        }
        Containers runtime = connect(inv, args);
        String verb = args.operands().get(0);
        List<String> operands = args.operands().subList(1, args.operands().size());
        return switch (verb) {
            case "pull" -> CrictlImages.pull(inv, runtime, operands);
            case "images", "image", "img" -> CrictlImages.images(inv, runtime, args, operands);
            case "inspecti" -> CrictlImages.inspecti(inv, runtime, operands);
            case "rmi" -> CrictlImages.rmi(inv, runtime, operands);
            case "ps" -> ps(inv, runtime, args);
            case "pods" -> pods(inv, runtime, args);
            case "stopp" -> {
                for (String id : operands) {
                    Sandbox sandbox = runtime.sandboxes().stream().filter(s -> id.length() >= 3 && s.id().startsWith(id)).findFirst()
                            .orElseThrow(() -> new CommandException(1, "FATA[0000] stopping the pod sandbox \"" + id
                                    + "\": rpc error: code = NotFound desc = an error occurred when try to find sandbox: not found"));
                    runtime.stopSandbox(sandbox);
                    inv.outLine("Stopped sandbox " + id);
                }
                yield 0;
            }
            case "logs" -> {
                Container container = find(runtime, operands);
                RuntimeFormat.logs(inv, container, RuntimeFormat.tail(args, "tail"), args.has("f", "follow"), args.has("t", "timestamps"));
                yield 0;
            }
            case "inspect" -> {
                inv.outLine(CrictlJson.inspect(find(runtime, operands)));
                yield 0;
            }
            case "stop", "rm" -> {
                Container container = find(runtime, operands);
                if (verb.equals("stop")) {
                    runtime.stop(container);
                } else {
                    runtime.remove(container);
                }
                inv.outLine(container.id());
                yield 0;
            }
            case "version" -> {
                inv.outLine("Version:  0.1.0");
                inv.outLine("RuntimeName:  " + (runtime.backend() == RuntimeBackend.CONTAINERD ? "containerd" : "docker"));
                inv.outLine("RuntimeVersion:  " + (runtime.backend() == RuntimeBackend.CONTAINERD ? "1.6.20" : "20.10.24"));
                inv.outLine("RuntimeApiVersion:  v1");
                yield 0;
            }
            default -> throw new CommandException(1, "No help topic for '" + verb + "'");
        };
    }

    /** The runtime crictl talks to, or the error crictl gives when it cannot reach one. */
    private static Containers connect(Invocation inv, Args args) throws Exception {
        String endpoint = args.value("r", "runtime-endpoint").orElse(null);
        if (endpoint == null && inv.fs().isFile("/etc/crictl.yaml")) {
            for (String line : inv.fs().readString("/etc/crictl.yaml").split("\n")) {
                if (line.trim().startsWith("runtime-endpoint:")) {
                    endpoint = line.substring(line.indexOf(':') + 1).trim().replace("\"", "");
                }
            }
        }
        RuntimeBackend backend;
        if (endpoint == null) {
            inv.errLine("WARN[0000] runtime connect using default endpoints: [unix:///run/containerd/containerd.sock"
                    + " unix:///run/crio/crio.sock unix:///var/run/cri-dockerd.sock]. As the default settings are now deprecated,"
                    + " you should set the endpoint instead.");
            backend = !RuntimeBackend.CONTAINERD.isUp(inv.machine()) && RuntimeBackend.DOCKER.isUp(inv.machine())
                    ? RuntimeBackend.DOCKER : RuntimeBackend.CONTAINERD;
        } else {
            backend = RuntimeBackend.ofEndpoint(endpoint);
        }
        String socket = backend.endpoint().substring("unix://".length());
        if (!inv.session().isRoot()) {
            throw new CommandException(1, "FATA[0000] validate service connection: validate CRI v1 runtime API for endpoint \""
                    + backend.endpoint() + "\": rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while"
                    + " dialing: dial unix " + socket + ": connect: permission denied\"");
        }
        if (!backend.isUp(inv.machine())) {
            throw new CommandException(1, "FATA[0000] validate service connection: validate CRI v1 runtime API for endpoint \""
                    + backend.endpoint() + "\": rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while"
                    + " dialing: dial unix " + socket + ": connect: no such file or directory\"");
        }
        return inv.machine().containers(backend);
    }

    static Container find(Containers runtime, List<String> operands) throws CommandException {
        if (operands.isEmpty()) {
            throw new CommandException(1, "FATA[0000] ID cannot be empty");
        }
        String id = operands.get(operands.size() - 1);
        return runtime.find(id).orElseThrow(() -> new CommandException(1, "FATA[0000] rpc error: code = NotFound desc = an error"
                + " occurred when try to find container \"" + id + "\": not found"));
    }

    private static int ps(Invocation inv, Containers runtime, Args args) throws Exception {
        Pattern name = Pattern.compile(args.value("name").orElse(""));
        String state = args.value("state").orElse(args.has("a", "all") ? "" : "running").toLowerCase();
        List<Container> selected = new ArrayList<>();
        for (Container container : runtime.containers()) {
            boolean running = container.state() == Container.State.RUNNING;
            if (!name.matcher(container.name()).find() || (!state.isEmpty() && running != state.equals("running"))
                    || args.value("pod").map(p -> !container.sandbox().id().startsWith(p)).orElse(false)
                    || !labelsMatch(args.all("label"), container.labels())) {
                continue;
            }
            selected.add(container);
        }
        if (args.has("l", "latest") && !selected.isEmpty()) {
            selected = List.of(selected.get(selected.size() - 1));
        }
        String output = args.value("o", "output").orElse("table");
        if (args.has("q", "quiet")) {
            for (Container container : selected) {
                inv.outLine(container.id());
            }
        } else if (output.equals("json")) {
            inv.outLine(CrictlJson.containers(selected));
        } else {
            Instant now = inv.machine().clock().now();
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("CONTAINER", "IMAGE", "CREATED", "STATE", "NAME", "ATTEMPT", "POD ID", "POD", "NAMESPACE"));
            boolean full = args.has("no-trunc");
            for (Container c : selected) {
                rows.add(List.of(full ? c.id() : c.id().substring(0, 13), full ? c.image().id() : c.image().id().substring(7, 20),
                        RuntimeFormat.human(c.createdAt(), now) + " ago", c.state() == Container.State.RUNNING ? "Running" : "Exited",
                        c.name(), String.valueOf(c.attempt()), full ? c.sandbox().id() : c.sandbox().id().substring(0, 13),
                        c.sandbox().podName(), c.sandbox().namespace()));
            }
            RuntimeFormat.table(rows, 3).forEach(line -> print(inv, line));
        }
        return 0;
    }

    private static boolean labelsMatch(List<String> filters, Map<String, String> labels) {
        for (String filter : filters) {
            String[] kv = filter.split("=", 2);
            if (kv.length == 2 && !kv[1].equals(labels.get(kv[0]))) {
                return false;
            }
        }
        return true;
    }

    private static int pods(Invocation inv, Containers runtime, Args args) throws Exception {
        Pattern name = Pattern.compile(args.value("name").orElse(""));
        List<Sandbox> selected = runtime.sandboxes().stream().filter(s -> name.matcher(s.podName()).find())
                .filter(s -> args.value("state").map(st -> st.equalsIgnoreCase("ready") == s.isReady()).orElse(true)).toList();
        if (args.has("q", "quiet")) {
            for (Sandbox sandbox : selected) {
                inv.outLine(sandbox.id());
            }
            return 0;
        }
        Instant now = inv.machine().clock().now();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("POD ID", "CREATED", "STATE", "NAME", "NAMESPACE", "ATTEMPT", "RUNTIME"));
        for (Sandbox s : selected) {
            rows.add(List.of(s.id().substring(0, 13), RuntimeFormat.human(s.createdAt(), now) + " ago", s.isReady() ? "Ready" : "NotReady",
                    s.podName(), s.namespace(), String.valueOf(s.attempt()), "(default)"));
        }
        RuntimeFormat.table(rows, 3).forEach(line -> print(inv, line));
        return 0;
    }

    static void print(Invocation inv, String line) {
        try {
            inv.outLine(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ImageRef parse(String image) throws CommandException {
        try {
            return ImageRef.parse(image);
        } catch (IllegalArgumentException e) {
            throw new CommandException(1, "FATA[0000] " + e.getMessage());
        }
    }
}
