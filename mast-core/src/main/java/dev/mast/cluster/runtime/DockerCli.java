package dev.mast.cluster.runtime;

import dev.mast.cluster.logs.LogRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Docker Engine (through cri-dockerd): the kubelet names containers
 * {@code k8s_<container>_<pod>_<namespace>_<pod uid>_<attempt>}, which {@code docker ps -a --filter name=}
 * finds and this class reads back; {@code docker logs} prints one container's log.
 */
public record DockerCli() implements RuntimeTool {
    static final String FORMAT = "{{.ID}}\\t{{.Names}}\\t{{.CreatedAt}}\\t{{.Status}}";
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT);

    @Override
    public String runtimeName() {
        return "docker";
    }

    @Override
    public String listScript(String componentOrNull, String podNameOrNull) {
        String filter = "k8s_";
        if (componentOrNull != null) {
            filter += componentOrNull + "_" + (podNameOrNull == null ? "" : podNameOrNull + "_kube-system");
        }
        return "docker ps -a --filter " + RuntimeTool.quote("name=" + filter) + " --format " + RuntimeTool.quote(FORMAT);
    }

    @Override
    public List<RuntimeContainer> parse(List<String> stdout) {
        List<RuntimeContainer> containers = new ArrayList<>();
        for (String line : stdout) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length < 4) {
                throw new IllegalArgumentException("docker ps printed \"" + line + "\", not ID, name, creation time and status");
            }
            String name = fields[1].startsWith("/") ? fields[1].substring(1) : fields[1];
            String[] parts = name.split("_");
            // Containers not started by the kubelet, and pods' sandbox ("POD") containers, are not components.
            if (parts.length != 6 || !parts[0].equals("k8s") || parts[1].equals("POD")) {
                continue;
            }
            containers.add(new RuntimeContainer(fields[0], parts[1], parts[2], parts[3], state(fields[3]),
                    attempt(parts[5]), created(fields[2]), fields[3]));
        }
        return containers;
    }

    private static RuntimeContainer.State state(String status) {
        if (status.startsWith("Up") || status.startsWith("Restarting")) {
            return RuntimeContainer.State.RUNNING;
        }
        if (status.startsWith("Exited")) {
            return RuntimeContainer.State.EXITED;
        }
        if (status.startsWith("Created")) {
            return RuntimeContainer.State.CREATED;
        }
        return RuntimeContainer.State.UNKNOWN;
    }

    private static int attempt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Docker prints {@code 2024-06-10 12:00:00 +0000 UTC}; the zone's name after the offset adds nothing. */
    private static Instant created(String text) {
        String trimmed = text.strip();
        if (trimmed.length() < 25) {
            return null;
        }
        try {
            return OffsetDateTime.parse(trimmed.substring(0, 25), CREATED_AT).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public String logsScript(String containerId, LogRequest request) {
        return "docker logs" + RuntimeTool.logOptions(request) + " " + RuntimeTool.quote(containerId);
    }
}
