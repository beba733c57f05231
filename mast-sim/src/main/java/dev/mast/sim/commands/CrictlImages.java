package dev.mast.sim.commands;

import dev.mast.sim.machine.Containers;
import dev.mast.sim.machine.ImageRef;
import dev.mast.sim.shell.CommandException;
import dev.mast.sim.shell.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** crictl's image verbs: pull (subject to injected pull failures), images, inspecti, rmi. */
final class CrictlImages {
    private CrictlImages() {
    }

    static int pull(Invocation inv, Containers runtime, List<String> operands) throws Exception {
        if (operands.isEmpty()) {
            throw new CommandException(1, "FATA[0000] Pull image: image name cannot be empty");
        }
        ImageRef ref = CrictlCommand.parse(operands.get(0));
        Thread.sleep(inv.machine().timing().transfer().toMillis());
        if (inv.machine().faults().pullFails(ref.full())) {
            String reason = "rpc error: code = NotFound desc = failed to pull and unpack image \"" + ref.full()
                    + "\": failed to resolve reference \"" + ref.full() + "\": " + ref.full() + ": not found";
            throw new CommandException(1, "E1125 00:00:00.000000    4242 remote_image.go:180] \"PullImage from image service failed\" err=\""
                    + reason.replace("\"", "\\\"") + "\" image=\"" + ref.full() + "\"\nFATA[0002] pulling image: " + reason);
        }
        List<String> hostsDirs = runtime.backend() == dev.mast.sim.machine.RuntimeBackend.CONTAINERD
                ? dev.mast.sim.machine.RegistryHosts.criHostsDirs(inv.machine()) : List.of();
        Optional<String> unreachable = RegistryAccess.pullError(inv, ref, hostsDirs);
        if (unreachable.isPresent()) {
            throw new CommandException(1, "FATA[0030] pulling image: rpc error: code = Unknown desc = failed to pull and unpack image \""
                    + ref.full() + "\": failed to resolve reference \"" + ref.full() + "\": " + unreachable.get());
        }
        runtime.addImage(ref);
        inv.outLine("Image is up to date for " + ref.id());
        return 0;
    }

    static int images(Invocation inv, Containers runtime, Args args, List<String> operands) throws Exception {
        List<Containers.Image> images = new ArrayList<>(runtime.images());
        if (!operands.isEmpty()) {
            ImageRef filter = CrictlCommand.parse(operands.get(0));
            boolean tagGiven = operands.get(0).substring(operands.get(0).lastIndexOf('/') + 1).contains(":");
            images.removeIf(i -> !i.ref().repository().equals(filter.repository()) || tagGiven && !i.ref().tag().equals(filter.tag()));
        }
        if (args.has("q", "quiet")) {
            for (Containers.Image image : images) {
                inv.outLine(image.ref().id());
            }
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("IMAGE", "TAG", "IMAGE ID", "SIZE"));
        for (Containers.Image image : images) {
            rows.add(List.of(image.ref().repository(), image.ref().tag(), image.ref().id().substring(7, 20),
                    RuntimeFormat.size(image.ref().size())));
        }
        RuntimeFormat.table(rows, 3).forEach(line -> CrictlCommand.print(inv, line));
        return 0;
    }

    static int inspecti(Invocation inv, Containers runtime, List<String> operands) throws Exception {
        if (operands.isEmpty()) {
            throw new CommandException(1, "FATA[0000] image ID cannot be empty");
        }
        Optional<Containers.Image> image = runtime.findImage(operands.get(0));
        if (image.isEmpty()) {
            throw new CommandException(1, "FATA[0000] no such image \"" + operands.get(0) + "\" present");
        }
        inv.outLine(CrictlJson.image(image.get()));
        return 0;
    }

    static int rmi(Invocation inv, Containers runtime, List<String> operands) throws Exception {
        for (String operand : operands) {
            Optional<Containers.Image> image = runtime.findImage(operand);
            if (image.isEmpty()) {
                throw new CommandException(1, "FATA[0000] no such image " + operand);
            }
            runtime.removeImage(image.get().ref());
            inv.outLine("Deleted: " + image.get().ref().full());
        }
        return 0;
    }
}
