package dev.mast.cluster.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mast.cluster.logs.LogRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * containerd through {@code crictl}: {@code crictl ps -a -o json} lists containers with the
 * kubelet's labels ({@code io.kubernetes.pod.name}, {@code io.kubernetes.pod.namespace}), so the
 * pod is known without a second call; {@code crictl logs} prints one container's log.
 */
public record Crictl() implements RuntimeTool {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String runtimeName() {
        return "containerd";
    }

    @Override
    public String listScript(String componentOrNull, String podNameOrNull) {
        return "crictl ps -a" + (componentOrNull == null ? "" : " --name " + RuntimeTool.quote(componentOrNull))
                + " -o json";
    }

    @Override
    public List<RuntimeContainer> parse(List<String> stdout) {
        JsonNode root;
        try {
            root = JSON.readTree(String.join("\n", stdout));
        } catch (IOException e) {
            throw new IllegalArgumentException("crictl ps printed no JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !root.path("containers").isArray()) {
            throw new IllegalArgumentException("crictl ps printed JSON without a \"containers\" list");
        }
        List<RuntimeContainer> containers = new ArrayList<>();
        for (JsonNode c : root.path("containers")) {
            JsonNode labels = c.path("labels");
            int attempt = c.path("metadata").path("attempt").asInt(0);
            String restartCount = c.path("annotations").path("io.kubernetes.container.restartCount").asText("");
            if (!restartCount.isEmpty()) {
                attempt = Math.max(attempt, parseInt(restartCount));
            }
            containers.add(new RuntimeContainer(c.path("id").asText(),
                    c.path("metadata").path("name").asText(labels.path("io.kubernetes.container.name").asText()),
                    labels.path("io.kubernetes.pod.name").asText(""), labels.path("io.kubernetes.pod.namespace").asText(""),
                    state(c.path("state").asText("")), attempt, nanos(c.path("createdAt").asText("")),
                    c.path("state").asText("")));
        }
        return containers;
    }

    private static RuntimeContainer.State state(String state) {
        return switch (state) {
            case "CONTAINER_RUNNING" -> RuntimeContainer.State.RUNNING;
            case "CONTAINER_CREATED" -> RuntimeContainer.State.CREATED;
            case "CONTAINER_EXITED" -> RuntimeContainer.State.EXITED;
            default -> RuntimeContainer.State.UNKNOWN;
        };
    }

    /** crictl prints createdAt as nanoseconds since the epoch, in a string. */
    private static Instant nanos(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            long nanos = Long.parseLong(text);
            return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String logsScript(String containerId, LogRequest request) {
        return "crictl logs" + RuntimeTool.logOptions(request) + " " + RuntimeTool.quote(containerId);
    }
}
