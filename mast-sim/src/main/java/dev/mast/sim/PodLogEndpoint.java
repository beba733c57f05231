package dev.mast.sim;

import dev.mast.sim.machine.ComponentKind;
import dev.mast.sim.machine.Container;
import dev.mast.sim.machine.LogLine;
import dev.mast.sim.machine.Machine;
import dev.mast.sim.machine.RuntimeBackend;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code GET /api/v1/namespaces/NS/pods/NAME/log} as the API server answers it, from what the
 * pod's node's runtime holds for the container: {@code container}, {@code follow},
 * {@code tailLines}, {@code sinceSeconds}, {@code timestamps} and {@code previous}, and the API
 * server's refusals (no such pod, no such container, no previous instance, a kubelet that does
 * not answer). The mock API has no log subresource; {@link ApiProxy} hands these requests here.
 */
final class PodLogEndpoint {
    private static final Pattern PATH = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/log");

    private final ClusterApi api;

    PodLogEndpoint(ClusterApi api) {
        this.api = api;
    }

    static boolean handles(HttpRequestHead head) {
        return head.method().equals("GET") && PATH.matcher(head.path()).matches();
    }

    /**
     * Answers the request on {@code out}; a follow keeps writing until the container exits, the
     * client goes or {@code serving} turns false (the API server went away).
     */
    void serve(HttpRequestHead head, OutputStream out, BooleanSupplier serving) throws IOException {
        Matcher path = PATH.matcher(head.path());
        if (!path.matches()) {
            throw new IllegalArgumentException("not a log request: " + head.target());
        }
        Map<String, String> query = head.query();
        Selection selection;
        try {
            selection = select(path.group(1), path.group(2), query);
        } catch (Refusal refusal) {
            refuse(out, refusal);
            return;
        }
        boolean timestamps = flag(query, "timestamps");
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        var log = selection.container().process().log();
        long next = log.end();
        List<LogLine> lines = log.all();
        if (query.containsKey("sinceSeconds")) {
            Instant since = selection.machine().clock().now().minusSeconds(Long.parseLong(query.get("sinceSeconds")));
            lines = lines.stream().filter(line -> !line.time().isBefore(since)).toList();
        }
        if (query.containsKey("tailLines")) {
            int tail = Integer.parseInt(query.get("tailLines"));
            lines = lines.subList(Math.max(0, lines.size() - tail), lines.size());
        }
        chunk(out, lines, timestamps);
        while (flag(query, "follow") && selection.container().process().isAlive() && serving.getAsBoolean()) {
            try {
                Thread.sleep(selection.machine().timing().tick().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            List<LogLine> more = log.since(next);
            next += more.size();
            chunk(out, more, timestamps);
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private record Selection(Machine machine, Container container) { }

    private Selection select(String namespace, String name, Map<String, String> query) throws Refusal {
        Pod pod = api.client().pods().inNamespace(namespace).withName(name).get();
        if (pod == null) {
            throw new Refusal(404, "NotFound", "pods \"" + name + "\" not found");
        }
        List<String> names = pod.getSpec().getContainers().stream().map(io.fabric8.kubernetes.api.model.Container::getName).toList();
        String container = query.getOrDefault("container", "");
        if (container.isEmpty()) {
            if (names.size() != 1) {
                throw new Refusal(400, "BadRequest", "a container name must be specified for pod " + name + ", choose one of: " + names);
            }
            container = names.get(0);
        } else if (!names.contains(container)) {
            throw new Refusal(400, "BadRequest", "container " + container + " is not valid for pod " + name);
        }
        String nodeName = pod.getSpec().getNodeName();
        Machine machine = Optional.ofNullable(nodeName).flatMap(api::node).map(SimulatedNode::machine)
                .orElseThrow(() -> new Refusal(400, "BadRequest", "pod " + name + " does not have a host assigned"));
        if (machine.processes().firstRunning(ComponentKind.KUBELET).isEmpty()) {
            throw new Refusal(500, "InternalError", "Get \"https://" + machine.identity().address() + ":10250/containerLogs/" + namespace
                    + "/" + name + "/" + container + "\": dial tcp " + machine.identity().address() + ":10250: connect: connection refused");
        }
        List<Container> instances = instances(machine, namespace, name, container);
        boolean previous = flag(query, "previous");
        if (instances.isEmpty() || previous && instances.size() < 2) {
            throw new Refusal(400, "BadRequest", previous
                    ? "previous terminated container \"" + container + "\" in pod \"" + name + "\" not found"
                    : pod.getMetadata().getAnnotations() != null && pod.getMetadata().getAnnotations().containsKey("kubernetes.io/config.mirror")
                    ? "container \"" + container + "\" in pod \"" + name + "\" is waiting to start: ContainerCreating"
                    // The simulated kubelets run only static pods; the add-ons' pods exist in the API alone.
                    : "the simulated kubelet on " + nodeName + " runs only static pods: it holds no log of container \""
                    + container + "\" in pod \"" + name + "\"");
        }
        return new Selection(machine, instances.get(previous ? 1 : 0));
    }

    /** The container's instances in the node's runtime, the newest first. */
    private static List<Container> instances(Machine machine, String namespace, String pod, String container) {
        return Stream.of(RuntimeBackend.values()).flatMap(backend -> machine.containers(backend).containers().stream())
                .filter(c -> c.name().equals(container) && c.sandbox().podName().equals(pod) && c.sandbox().namespace().equals(namespace))
                .sorted(Comparator.comparingInt(Container::attempt).reversed()).toList();
    }

    private static boolean flag(Map<String, String> query, String name) {
        return Boolean.parseBoolean(query.getOrDefault(name, "false"));
    }

    private static void chunk(OutputStream out, List<LogLine> lines, boolean timestamps) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (LogLine line : lines) {
            if (timestamps) {
                text.append(DateTimeFormatter.ISO_INSTANT.format(line.time())).append(' ');
            }
            text.append(line.text()).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void refuse(OutputStream out, Refusal refusal) throws IOException {
        String json = Serialization.asJson(new StatusBuilder().withStatus("Failure").withMessage(refusal.getMessage())
                .withReason(refusal.reason).withCode(refusal.code).build());
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + refusal.code + " " + refusal.reason + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** An answer the API server gives instead of a log. */
    private static final class Refusal extends Exception {
        private final int code;
        private final String reason;

        Refusal(int code, String reason, String message) {
            super(message, null, false, false);
            this.code = code;
            this.reason = reason;
        }
    }
}
