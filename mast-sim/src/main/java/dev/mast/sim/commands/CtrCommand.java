package dev.mast.sim.commands;

import dev.mast.sim.machine.Containers;
import dev.mast.sim.machine.ImageFiles;
import dev.mast.sim.machine.ImageRef;
import dev.mast.sim.machine.RuntimeBackend;
import dev.mast.sim.machine.VirtualFs;
import dev.mast.sim.shell.CommandException;
import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * containerd's {@code ctr}: {@code images pull [--hosts-dir DIR] [--platform P] REF} (the mirrors of
 * DIR's hosts.toml, not CRI's), {@code images ls -q}, {@code images mount REF DIR} (the image's files
 * under DIR, as a read-only view) and {@code images unmount DIR}, and its version. The images are
 * containerd's, the ones CRI (crictl, the kubelet) sees in the k8s.io namespace.
 */
final class CtrCommand {
    private static final Set<String> VALUED = Set.of("namespace", "hosts-dir", "platform", "address");

    private CtrCommand() {
    }

    static void register(CommandTable table) {
        table.add("ctr", "/usr/bin/ctr", CommandTable.Gate.FILE, CtrCommand::ctr);
    }

    private static int ctr(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "n", VALUED);
        List<String> operands = new ArrayList<>(args.operands());
        if (args.has("v", "version") || !operands.isEmpty() && operands.get(0).equals("version")) {
            inv.outLine("ctr github.com/containerd/containerd 1.6.20~ds1");
            return 0;
        }
        inv.requireRoot("ctr: failed to dial \"/run/containerd/containerd.sock\": connection error: permission denied");
        if (!inv.machine().processes().anyRunning(dev.mast.sim.machine.ComponentKind.CONTAINERD)) {
            throw new CommandException(1, "ctr: failed to dial \"/run/containerd/containerd.sock\": context deadline exceeded");
        }
        if (operands.size() < 2 || !List.of("images", "image", "i").contains(operands.get(0))) {
            throw new CommandException(1, "ctr: the simulator knows images pull, ls, mount and unmount");
        }
        Containers runtime = inv.machine().containers(RuntimeBackend.CONTAINERD);
        String verb = operands.get(1);
        List<String> rest = operands.subList(2, operands.size());
        return switch (verb) {
            case "pull" -> pull(inv, runtime, args, rest);
            case "ls", "list" -> {
                for (Containers.Image image : runtime.images()) {
                    inv.outLine(args.has("q", "quiet") ? image.ref().full() : image.ref().full() + " application/vnd.oci.image.index.v1+json");
                }
                yield 0;
            }
            case "mount" -> mount(inv, runtime, rest);
            case "unmount" -> unmount(inv, rest);
            default -> throw new CommandException(1, "ctr: no such images command " + verb);
        };
    }

    private static int pull(Invocation inv, Containers runtime, Args args, List<String> rest) throws Exception {
        if (rest.isEmpty()) {
            throw new CommandException(1, "ctr: please provide an image reference to pull");
        }
        ImageRef ref = ImageRef.parse(rest.get(0));
        List<String> hostsDirs = args.value("hosts-dir").map(List::of).orElse(List.of());
        Thread.sleep(inv.machine().timing().transfer().toMillis());
        Optional<String> unreachable = RegistryAccess.pullError(inv, ref, hostsDirs);
        if (unreachable.isPresent() || inv.machine().faults().pullFails(ref.full())) {
            throw new CommandException(1, "ctr: failed to resolve reference \"" + ref.full() + "\": " + unreachable.orElse("not found"));
        }
        runtime.addImage(ref);
        inv.outLine(ref.full() + ": resolved");
        inv.outLine("unpacking linux/" + args.value("platform").map(p -> p.substring(p.indexOf('/') + 1)).orElse(inv.machine().arch())
                + " " + ref.id() + "...");
        inv.outLine("done: 412.3ms");
        return 0;
    }

    private static int mount(Invocation inv, Containers runtime, List<String> rest) throws Exception {
        if (rest.size() != 2) {
            throw new CommandException(1, "ctr: please provide an image reference and a target");
        }
        Containers.Image image = runtime.findImage(rest.get(0))
                .orElseThrow(() -> new CommandException(1, "ctr: image \"" + rest.get(0) + "\": not found"));
        String target = inv.path(rest.get(1));
        if (!inv.fs().isDirectory(target)) {
            throw new CommandException(1, "ctr: mount target " + target + ": no such file or directory");
        }
        for (Map.Entry<String, String> file : ImageFiles.of(image.ref(), inv.machine().arch()).entrySet()) {
            String path = VirtualFs.normalize(target, "." + file.getKey());
            inv.fs().mkdirs(VirtualFs.parent(path), 0755);
            inv.fs().write(path, file.getValue().getBytes(StandardCharsets.UTF_8), 0755);
            inv.fs().setMode(path, 0755);
        }
        inv.outLine("sha256:" + image.ref().id().substring(7));
        return 0;
    }

    private static int unmount(Invocation inv, List<String> rest) throws Exception {
        if (rest.isEmpty()) {
            throw new CommandException(1, "ctr: please provide a target path to unmount");
        }
        String target = inv.path(rest.get(0));
        if (inv.fs().isDirectory(target)) {
            for (String entry : inv.fs().list(target)) {
                inv.fs().delete(target + "/" + entry);
            }
        }
        return 0;
    }
}
