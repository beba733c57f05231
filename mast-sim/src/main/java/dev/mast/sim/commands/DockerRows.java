package dev.mast.sim.commands;

import dev.mast.sim.machine.Container;
import dev.mast.sim.machine.Containers;
import dev.mast.sim.machine.Sandbox;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How Docker shows the kubelet's containers (through cri-dockerd): every pod has a pause
 * container {@code k8s_POD_...} and each container is {@code k8s_<container>_<pod>_<ns>_<uid>_<attempt>}.
 * Each row is a map usable by {@code --format} and by {@code inspect}.
 */
final class DockerRows {
    static final String PAUSE = "registry.k8s.io/pause:3.10";
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private DockerRows() {
    }

    static List<Map<String, Object>> all(Containers runtime, Instant now, boolean noTrunc) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Sandbox sandbox : runtime.sandboxes()) {
            rows.add(sandbox(sandbox, now, noTrunc));
        }
        for (Container container : runtime.containers()) {
            rows.add(container(container, now, noTrunc));
        }
        rows.sort((a, b) -> ((Instant) b.get("Created")).compareTo((Instant) a.get("Created")));
        return rows;
    }

    static Map<String, Object> container(Container c, Instant now, boolean noTrunc) {
        boolean running = c.state() == Container.State.RUNNING;
        String status = running ? "Up " + RuntimeFormat.human(c.createdAt(), now)
                : "Exited (" + c.process().exitCode() + ") " + RuntimeFormat.human(c.process().exitedAt(), now) + " ago";
        return row(c.id(), c.dockerName(), noTrunc ? c.image().id() : c.image().id().substring(7, 19),
                String.join(" ", c.process().argv()), c.createdAt(), now, status, running ? "running" : "exited", c.labels(), noTrunc,
                c.process().exitCode(), c.process().exitedAt(), c.image().full());
    }

    static Map<String, Object> sandbox(Sandbox s, Instant now, boolean noTrunc) {
        Map<String, String> labels = Map.of("io.kubernetes.pod.name", s.podName(), "io.kubernetes.pod.namespace", s.namespace(),
                "io.kubernetes.pod.uid", s.uid(), "io.kubernetes.docker.type", "podsandbox");
        return row(s.id(), s.dockerName(), PAUSE, "/pause", s.createdAt(), now,
                s.isReady() ? "Up " + RuntimeFormat.human(s.createdAt(), now) : "Exited (0) 1 second ago",
                s.isReady() ? "running" : "exited", labels, noTrunc, 0, null, PAUSE);
    }

    private static Map<String, Object> row(String id, String name, String image, String command, Instant created, Instant now,
                                           String status, String state, Map<String, String> labels, boolean noTrunc,
                                           int exitCode, Instant finished, String configImage) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", noTrunc ? id : id.substring(0, 12));
        row.put("Id", id);
        row.put("Names", name);
        row.put("Name", "/" + name);
        row.put("Image", image);
        row.put("Command", "\"" + (noTrunc || command.length() <= 20 ? command : command.substring(0, 19) + "\u2026") + "\"");
        row.put("CreatedAt", CREATED_AT.format(created));
        row.put("RunningFor", RuntimeFormat.human(created, now) + " ago");
        row.put("Status", status);
        row.put("State", Map.of("Status", state, "Running", state.equals("running"), "ExitCode", exitCode,
                "StartedAt", created.toString(), "FinishedAt", finished == null ? "0001-01-01T00:00:00Z" : finished.toString()));
        row.put("Ports", "");
        row.put("Labels", new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",")));
        row.put("LabelMap", labels);
        row.put("Config", Map.of("Image", configImage, "Labels", new TreeMap<>(labels)));
        row.put("Created", created);
        return row;
    }

    /** State as a word for {@code --format '{{.State}}'} on ps (inspect's State is the structure). */
    static String stateWord(Map<String, Object> row) {
        Object state = row.get("State");
        return state instanceof Map<?, ?> map ? String.valueOf(map.get("Status")) : String.valueOf(state);
    }
}
