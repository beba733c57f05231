package dev.mast.sim.commands;

import dev.mast.sim.machine.Container;
import dev.mast.sim.machine.Containers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** crictl's JSON output: {@code ps -o json}, {@code inspect}, {@code inspecti}. */
final class CrictlJson {
    private CrictlJson() {
    }

    private static String nanos(Instant time) {
        return String.valueOf(time.getEpochSecond() * 1_000_000_000L + time.getNano());
    }

    private static Map<String, Object> container(Container c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("podSandboxId", c.sandbox().id());
        json.put("metadata", Map.of("name", c.name(), "attempt", c.attempt()));
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("image", c.image().id());
        image.put("annotations", Map.of());
        image.put("userSpecifiedImage", c.image().full());
        json.put("image", image);
        json.put("imageRef", c.image().id());
        json.put("state", c.state() == Container.State.RUNNING ? "CONTAINER_RUNNING" : "CONTAINER_EXITED");
        json.put("createdAt", nanos(c.createdAt()));
        json.put("labels", new java.util.TreeMap<>(c.labels()));
        json.put("annotations", Map.of("io.kubernetes.container.restartCount", String.valueOf(c.attempt()),
                "io.kubernetes.container.terminationMessagePath", "/dev/termination-log"));
        return json;
    }

    static String containers(List<Container> containers) {
        List<Object> list = new ArrayList<>();
        containers.forEach(c -> list.add(container(c)));
        return Json.pretty(Map.of("containers", list));
    }

    static String inspect(Container c) {
        Map<String, Object> status = new LinkedHashMap<>(container(c));
        status.put("startedAt", nanos(c.createdAt()));
        status.put("finishedAt", c.process().exitedAt() == null ? "0" : nanos(c.process().exitedAt()));
        status.put("exitCode", c.process().exitCode());
        status.put("reason", c.state() == Container.State.RUNNING ? "" : c.process().exitCode() == 0 ? "Completed" : "Error");
        status.put("message", c.process().error());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("pid", c.state() == Container.State.RUNNING ? c.process().pid() : 0);
        info.put("config", Map.of("args", c.process().argv()));
        return Json.pretty(Map.of("status", status, "info", info));
    }

    static String image(Containers.Image image) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", image.ref().id());
        status.put("repoTags", List.of(image.ref().full()));
        status.put("repoDigests", List.of(image.ref().repository() + "@" + image.ref().digest()));
        status.put("size", String.valueOf(image.ref().size()));
        status.put("uid", null);
        status.put("username", "");
        status.put("spec", null);
        status.put("pinned", image.ref().repository().endsWith("/pause"));
        return Json.pretty(Map.of("status", status, "info", Map.of("imageSpec", Map.of("architecture", "amd64", "os", "linux"))));
    }
}
