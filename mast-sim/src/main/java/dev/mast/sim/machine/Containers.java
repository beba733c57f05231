package dev.mast.sim.machine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** One container runtime's store: pulled images, pod sandboxes and containers. */
public final class Containers {
    /** A pulled image. */
    public record Image(ImageRef ref, Instant pulledAt) { }

    private final Machine machine;
    private final RuntimeBackend backend;
    private final Map<String, Image> images = new LinkedHashMap<>();
    private final Map<String, Sandbox> sandboxes = new LinkedHashMap<>();
    private final Map<String, Container> containers = new LinkedHashMap<>();
    /** Containers made with {@code docker create} and never started: only their image's files matter. */
    private final Map<String, ImageRef> created = new LinkedHashMap<>();

    Containers(Machine machine, RuntimeBackend backend) {
        this.machine = machine;
        this.backend = backend;
    }

    public RuntimeBackend backend() {
        return backend;
    }

    public void create(String name, ImageRef image) {
        synchronized (machine.lock()) {
            created.put(name, image);
        }
    }

    public Optional<ImageRef> created(String name) {
        synchronized (machine.lock()) {
            return Optional.ofNullable(created.get(name));
        }
    }

    public boolean removeCreated(String name) {
        synchronized (machine.lock()) {
            return created.remove(name) != null;
        }
    }

    public boolean hasImage(ImageRef ref) {
        synchronized (machine.lock()) {
            return images.containsKey(ref.full());
        }
    }

    public void addImage(ImageRef ref) {
        synchronized (machine.lock()) {
            images.put(ref.full(), new Image(ref, machine.clock().now()));
        }
    }

    public boolean removeImage(ImageRef ref) {
        synchronized (machine.lock()) {
            return images.remove(ref.full()) != null;
        }
    }

    public List<Image> images() {
        synchronized (machine.lock()) {
            return new ArrayList<>(images.values());
        }
    }

    /** An image by reference, or by (a prefix of) its ID. */
    public Optional<Image> findImage(String text) {
        synchronized (machine.lock()) {
            String id = text.startsWith("sha256:") ? text : "sha256:" + text;
            for (Image image : images.values()) {
                if (text.length() >= 4 && image.ref().id().startsWith(id)) {
                    return Optional.of(image);
                }
            }
            try {
                return Optional.ofNullable(images.get(ImageRef.parse(text).full()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    public Sandbox runSandbox(String podName, String namespace, String uid, int attempt) {
        synchronized (machine.lock()) {
            Sandbox sandbox = new Sandbox(newId(), podName, namespace, uid, attempt, machine.clock().now());
            sandboxes.put(sandbox.id(), sandbox);
            return sandbox;
        }
    }

    /** Creates the container and starts its process. */
    public Container start(Sandbox sandbox, String name, ImageRef image, int attempt, List<String> argv, PathResolver paths,
                           boolean hostNetwork) {
        synchronized (machine.lock()) {
            Process process = machine.processes().start(ComponentKind.ofImage(image.full()), argv, Process.Form.STATIC_POD,
                    image.tag(), paths, Process.Sink.NONE, hostNetwork);
            Container container = new Container(newId(), name, sandbox, image, attempt, process.startedAt(), process);
            containers.put(container.id(), container);
            return container;
        }
    }

    public void stop(Container container) {
        synchronized (machine.lock()) {
            machine.processes().stop(container.process());
        }
    }

    public void remove(Container container) {
        synchronized (machine.lock()) {
            stop(container);
            containers.remove(container.id());
        }
    }

    /** Stops every container in the sandbox, which stays, not ready (crictl stopp). */
    public void stopSandbox(Sandbox sandbox) {
        synchronized (machine.lock()) {
            for (Container container : containersOf(sandbox)) {
                stop(container);
            }
            sandbox.stop();
        }
    }

    /** Stops and removes the sandbox and every container in it. */
    public void removeSandbox(Sandbox sandbox) {
        synchronized (machine.lock()) {
            for (Container container : containersOf(sandbox)) {
                remove(container);
            }
            sandbox.stop();
            sandboxes.remove(sandbox.id());
        }
    }

    public List<Container> containersOf(Sandbox sandbox) {
        synchronized (machine.lock()) {
            return containers.values().stream().filter(c -> c.sandbox() == sandbox).toList();
        }
    }

    public List<Container> containers() {
        synchronized (machine.lock()) {
            return new ArrayList<>(containers.values());
        }
    }

    public List<Sandbox> sandboxes() {
        synchronized (machine.lock()) {
            return new ArrayList<>(sandboxes.values());
        }
    }

    /** A container by ID prefix (at least 3 characters) or, for Docker, by name. */
    public Optional<Container> find(String idOrName) {
        synchronized (machine.lock()) {
            for (Container container : containers.values()) {
                if (idOrName.length() >= 3 && container.id().startsWith(idOrName) || container.dockerName().equals(idOrName)) {
                    return Optional.of(container);
                }
            }
            return Optional.empty();
        }
    }

    private static String newId() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
