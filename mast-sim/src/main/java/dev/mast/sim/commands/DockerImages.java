package dev.mast.sim.commands;

import dev.mast.sim.machine.Containers;
import dev.mast.sim.machine.ImageRef;
import dev.mast.sim.shell.CommandException;
import dev.mast.sim.shell.Invocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** docker pull (subject to injected pull failures), images (with a reference filter, -q, --format) and rmi. */
final class DockerImages {
    private DockerImages() {
    }

    private static ImageRef parse(String image) throws CommandException {
        try {
            return ImageRef.parse(image);
        } catch (IllegalArgumentException e) {
            throw new CommandException(1, "Error response from daemon: " + e.getMessage());
        }
    }

    static int pull(Invocation inv, Containers runtime, List<String> operands) throws Exception {
        if (operands.isEmpty()) {
            throw new CommandException(1, "\"docker pull\" requires exactly 1 argument.");
        }
        ImageRef ref = parse(operands.get(0));
        inv.outLine(ref.tag() + ": Pulling from " + ref.dockerRepository());
        Thread.sleep(inv.machine().timing().transfer().toMillis());
        if (inv.machine().faults().pullFails(ref.full())) {
            throw new CommandException(1, "Error response from daemon: manifest for " + ref.dockerRepository() + ":" + ref.tag()
                    + " not found: manifest unknown: manifest unknown");
        }
        Optional<String> unreachable = RegistryAccess.pullError(inv, ref, List.of());
        if (unreachable.isPresent()) {
            throw new CommandException(1, "Error response from daemon: Get \"https://registry.k8s.io/v2/\": " + unreachable.get());
        }
        boolean had = runtime.hasImage(ref);
        runtime.addImage(ref);
        inv.outLine("Digest: " + ref.digest());
        inv.outLine("Status: " + (had ? "Image is up to date for " : "Downloaded newer image for ") + ref.dockerRepository() + ":" + ref.tag());
        inv.outLine((ref.repository().startsWith("docker.io/") ? "docker.io/" + ref.dockerRepository() : ref.repository()) + ":" + ref.tag());
        return 0;
    }

    static int images(Invocation inv, Containers runtime, Args args, List<String> operands) throws Exception {
        List<Containers.Image> images = new ArrayList<>(runtime.images());
        if (!operands.isEmpty()) {
            ImageRef filter = parse(operands.get(0));
            boolean tagGiven = operands.get(0).substring(operands.get(0).lastIndexOf('/') + 1).contains(":");
            images.removeIf(i -> !i.ref().repository().equals(filter.repository()) || tagGiven && !i.ref().tag().equals(filter.tag()));
        }
        Instant now = inv.machine().clock().now();
        if (args.has("q", "quiet")) {
            for (Containers.Image image : images) {
                inv.outLine(image.ref().id().substring(7, 19));
            }
            return 0;
        }
        Optional<String> format = args.value("format");
        if (format.isPresent()) {
            for (Containers.Image image : images) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("Repository", image.ref().dockerRepository());
                row.put("Tag", image.ref().tag());
                row.put("ID", image.ref().id().substring(7, 19));
                row.put("Size", RuntimeFormat.size(image.ref().size()));
                row.put("CreatedSince", RuntimeFormat.human(image.pulledAt(), now) + " ago");
                inv.outLine(GoTemplate.render(format.get(), row));
            }
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"));
        for (Containers.Image image : images) {
            rows.add(List.of(image.ref().dockerRepository(), image.ref().tag(), image.ref().id().substring(7, 19), "3 weeks ago",
                    RuntimeFormat.size(image.ref().size())));
        }
        RuntimeFormat.table(rows, 3).forEach(line -> CrictlCommand.print(inv, line));
        return 0;
    }

    static int rmi(Invocation inv, Containers runtime, List<String> operands) throws Exception {
        for (String operand : operands) {
            Optional<Containers.Image> image = runtime.findImage(operand);
            if (image.isEmpty()) {
                throw new CommandException(1, "Error response from daemon: No such image: " + operand);
            }
            runtime.removeImage(image.get().ref());
            inv.outLine("Untagged: " + image.get().ref().dockerRepository() + ":" + image.get().ref().tag());
            inv.outLine("Deleted: " + image.get().ref().id());
        }
        return 0;
    }
}
