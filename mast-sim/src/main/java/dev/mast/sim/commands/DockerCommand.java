package dev.mast.sim.commands;

import dev.mast.sim.machine.ComponentKind;
import dev.mast.sim.machine.Container;
import dev.mast.sim.machine.Containers;
import dev.mast.sim.machine.ImageRef;
import dev.mast.sim.machine.RuntimeBackend;
import dev.mast.sim.shell.CommandException;
import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The docker CLI against the node's Docker Engine: pull, images, rmi, ps, logs, inspect, stop, rm, version, info. */
final class DockerCommand {
    private static final Set<String> VALUED = Set.of("filter", "format", "tail", "since", "until", "type", "name");

    private DockerCommand() {
    }

    static void register(CommandTable table) {
        table.add("docker", "/usr/bin/docker", CommandTable.Gate.FILE, DockerCommand::docker);
    }

    private static int docker(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "fn", VALUED);
        if (args.operands().isEmpty()) {
            throw new CommandException(1, "Usage:  docker [OPTIONS] COMMAND");
        }
        if (!inv.session().isRoot()) {
            throw new CommandException(1, "permission denied while trying to connect to the Docker daemon socket at"
                    + " unix:///var/run/docker.sock: Get \"http://%2Fvar%2Frun%2Fdocker.sock/v1.41/containers/json\":"
                    + " dial unix /var/run/docker.sock: connect: permission denied");
        }
        if (!inv.machine().processes().anyRunning(ComponentKind.DOCKERD)) {
            throw new CommandException(1, "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?");
        }
        Containers runtime = inv.machine().containers(RuntimeBackend.DOCKER);
        List<String> operands = new ArrayList<>(args.operands());
        String verb = operands.remove(0);
        if (verb.equals("container") || verb.equals("image")) {
            verb = operands.isEmpty() ? verb : (verb.equals("image") && operands.get(0).equals("ls") ? "images" : operands.remove(0));
            if (verb.equals("ls")) {
                verb = "ps";
            }
        }
        return switch (verb) {
            case "pull" -> DockerImages.pull(inv, runtime, operands);
            case "images" -> DockerImages.images(inv, runtime, args, operands);
            case "rmi" -> DockerImages.rmi(inv, runtime, operands);
            case "ps" -> ps(inv, runtime, args);
            case "logs" -> {
                RuntimeFormat.logs(inv, find(runtime, operands), RuntimeFormat.tail(args, "tail"), args.has("f", "follow"),
                        args.has("t", "timestamps"));
                yield 0;
            }
            case "inspect" -> inspect(inv, runtime, args, operands);
            case "create" -> create(inv, runtime, args, operands);
            case "cp" -> copy(inv, runtime, operands);
            case "stop", "kill", "rm" -> {
                for (String id : operands) {
                    if (verb.equals("rm") && runtime.removeCreated(id)) {
                        inv.outLine(id);
                        continue;
                    }
                    Container container = find(runtime, List.of(id));
                    if (verb.equals("rm")) {
                        if (container.state() == Container.State.RUNNING && !args.has("f", "force")) {
                            throw new CommandException(1, "Error response from daemon: You cannot remove a running container "
                                    + container.id() + ". Stop the container before attempting removal or force remove");
                        }
                        runtime.remove(container);
                    } else {
                        runtime.stop(container);
                    }
                    inv.outLine(id);
                }
                yield 0;
            }
            case "version" -> {
                inv.outLine("Client:\n Version:           20.10.24+dfsg1\n API version:       1.41\n\nServer:\n Engine:\n"
                        + "  Version:          20.10.24+dfsg1\n  API version:      1.41 (minimum version 1.12)");
                yield 0;
            }
            case "info" -> {
                Map<String, Object> info = Map.of("ServerVersion", "20.10.24+dfsg1", "CgroupDriver", "systemd", "Driver", "overlay2",
                        "Containers", runtime.containers().size(), "Images", runtime.images().size());
                inv.outLine(args.value("f", "format").map(f -> GoTemplate.render(f, new LinkedHashMap<>(info)))
                        .orElse(" Server Version: 20.10.24+dfsg1\n Storage Driver: overlay2\n Cgroup Driver: systemd"));
                yield 0;
            }
            default -> throw new CommandException(1, "docker: '" + verb + "' is not a docker command.\nSee 'docker --help'");
        };
    }

    static Container find(Containers runtime, List<String> operands) throws CommandException {
        if (operands.isEmpty()) {
            throw new CommandException(1, "\"docker logs\" requires exactly 1 argument.");
        }
        String id = operands.get(operands.size() - 1);
        return runtime.find(id).orElseThrow(() -> new CommandException(1, "Error response from daemon: No such container: " + id));
    }

    private static int ps(Invocation inv, Containers runtime, Args args) throws Exception {
        Instant now = inv.machine().clock().now();
        boolean noTrunc = args.has("no-trunc");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : DockerRows.all(runtime, now, noTrunc)) {
            String state = DockerRows.stateWord(row);
            if ((args.has("a", "all") || state.equals("running")) && matches(row, state, args.all("filter"))) {
                Map<String, Object> shown = new LinkedHashMap<>(row);
                shown.put("State", state);
                rows.add(shown);
            }
        }
        if (args.has("q", "quiet")) {
            for (Map<String, Object> row : rows) {
                inv.outLine(String.valueOf(row.get("ID")));
            }
            return 0;
        }
        Optional<String> format = args.value("format");
        if (format.isPresent() && !format.get().equals("table")) {
            String template = format.get();
            if (template.startsWith("table ")) {
                template = template.substring("table ".length());
                inv.outLine(GoTemplate.headerLine(template));
            }
            for (Map<String, Object> row : rows) {
                inv.outLine(GoTemplate.render(template, row));
            }
            return 0;
        }
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"));
        for (Map<String, Object> row : rows) {
            table.add(List.of(str(row, "ID"), str(row, "Image"), str(row, "Command"), str(row, "RunningFor"), str(row, "Status"), "",
                    str(row, "Names")));
        }
        RuntimeFormat.table(table, 3).forEach(line -> CrictlCommand.print(inv, line));
        return 0;
    }

    private static String str(Map<String, Object> row, String key) {
        return String.valueOf(row.get(key));
    }

    private static boolean matches(Map<String, Object> row, String state, List<String> filters) {
        for (String filter : filters) {
            String[] kv = filter.split("=", 2);
            String value = kv.length > 1 ? kv[1] : "";
            boolean ok = switch (kv[0]) {
                case "name" -> Pattern.compile(value).matcher(str(row, "Names")).find();
                case "status" -> state.equals(value);
                case "id" -> str(row, "Id").startsWith(value);
                case "label" -> {
                    String[] label = value.split("=", 2);
                    Object labels = row.get("LabelMap");
                    yield labels instanceof Map<?, ?> map && (label.length == 1 ? map.containsKey(label[0])
                            : label[1].equals(map.get(label[0])));
                }
                default -> true;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int inspect(Invocation inv, Containers runtime, Args args, List<String> ids) throws Exception {
        Instant now = inv.machine().clock().now();
        List<Object> all = new ArrayList<>();
        for (String id : ids) {
            Container container = runtime.find(id).orElse(null);
            if (container == null) {
                Optional<Containers.Image> image = runtime.findImage(id);
                if (image.isEmpty()) {
                    throw new CommandException(1, "Error: No such object: " + id);
                }
                all.add(Map.of("Id", image.get().ref().id(), "RepoTags", List.of(image.get().ref().full()),
                        "Size", image.get().ref().size()));
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>(DockerRows.container(container, now, true));
            row.remove("LabelMap");
            row.remove("Created");
            all.add(row);
        }
        Optional<String> format = args.value("f", "format");
        if (format.isPresent()) {
            for (Object item : all) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) item;
                inv.outLine(GoTemplate.render(format.get(), map));
            }
        } else {
            inv.outLine(Json.pretty(all));
        }
        return 0;
    }

    /** {@code docker create --name NAME IMAGE [COMMAND]}: a container that never runs, whose image's files {@code docker cp} reads. */
    private static int create(Invocation inv, Containers runtime, Args args, List<String> operands) throws Exception {
        String name = args.value("name").orElseThrow(() -> new CommandException(1, "the simulator's docker create needs --name"));
        if (operands.isEmpty()) {
            throw new CommandException(1, "\"docker create\" requires at least 1 argument.");
        }
        ImageRef ref = ImageRef.parse(operands.get(0));
        if (!runtime.hasImage(ref)) {
            throw new CommandException(125, "Unable to find image '" + operands.get(0) + "' locally\nError response from daemon: pull access denied");
        }
        if (runtime.created(name).isPresent()) {
            throw new CommandException(125, "Error response from daemon: Conflict. The container name \"/" + name + "\" is already in use.");
        }
        runtime.create(name, ref);
        inv.outLine(ref.id().substring(7));
        return 0;
    }

    /** {@code docker cp NAME:/path /dest}: a file of a created container's image to the node. */
    private static int copy(Invocation inv, Containers runtime, List<String> operands) throws Exception {
        if (operands.size() != 2 || !operands.get(0).contains(":")) {
            throw new CommandException(1, "the simulator's docker cp copies CONTAINER:SRC_PATH to DEST_PATH");
        }
        String name = operands.get(0).substring(0, operands.get(0).indexOf(':'));
        String source = operands.get(0).substring(operands.get(0).indexOf(':') + 1);
        ImageRef ref = runtime.created(name).orElseThrow(() -> new CommandException(1, "Error response from daemon: No such container: " + name));
        String content = dev.mast.sim.machine.ImageFiles.of(ref, inv.machine().arch()).get(source);
        if (content == null) {
            throw new CommandException(1, "Error response from daemon: Could not find the file " + source + " in container " + name);
        }
        String target = inv.path(operands.get(1));
        if (inv.fs().isDirectory(target)) {
            target = target + "/" + source.substring(source.lastIndexOf('/') + 1);
        }
        inv.fs().write(target, content.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0755);
        inv.fs().setMode(target, 0755);
        return 0;
    }
}
