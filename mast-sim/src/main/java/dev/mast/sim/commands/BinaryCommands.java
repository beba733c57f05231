package dev.mast.sim.commands;

import dev.mast.sim.machine.BinaryVersion;
import dev.mast.sim.shell.CommandException;
import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import java.net.URI;
import java.util.List;

/**
 * The programs packages install (kubelet, kubectl, etcd, etcdctl, containerd, the control-plane
 * binaries...). They answer {@code --version} with the version of the installed file; daemons
 * run only through systemd or a static pod. etcdctl also answers {@code endpoint health}.
 */
final class BinaryCommands {
    private static final List<String> KUBERNETES = List.of("kubelet", "kube-apiserver", "kube-controller-manager", "kube-scheduler",
            "kube-proxy");

    private BinaryCommands() {
    }

    static void register(CommandTable table) {
        for (String name : KUBERNETES) {
            table.add(name, "/usr/bin/" + name, CommandTable.Gate.FILE, BinaryCommands::binary);
        }
        for (String name : List.of("kubectl", "etcd", "etcdctl", "containerd", "runc", "cri-dockerd")) {
            table.add(name, "/usr/bin/" + name, CommandTable.Gate.FILE, BinaryCommands::binary);
        }
        table.add("dockerd", "/usr/sbin/dockerd", CommandTable.Gate.FILE, BinaryCommands::binary);
    }

    private static String version(Invocation inv) {
        String path = inv.program().startsWith("/") ? inv.program()
                : CommandTable.onPath(inv.name(), inv.machine()).orElse("/usr/bin/" + inv.name());
        return BinaryVersion.of(inv.machine(), path);
    }

    private static int binary(Invocation inv) throws Exception {
        List<String> args = inv.args();
        boolean asksVersion = args.contains("--version") || args.contains("-v") && !inv.name().equals("kubectl")
                || !args.isEmpty() && args.get(0).equals("version");
        String version = version(inv);
        String plain = version.startsWith("v") ? version.substring(1) : version;
        if (inv.name().equals("etcdctl") && args.size() >= 2 && args.contains("endpoint") && args.contains("health")) {
            return endpointHealth(inv);
        }
        if (!asksVersion) {
            throw new CommandException(1, inv.name() + ": a simulated program only answers --version here;"
                    + " run it through systemd (systemctl start) or a static pod");
        }
        switch (inv.name()) {
            case "kubectl" -> inv.outLine("Client Version: " + version + "\nKustomize Version: v5.7.1");
            case "etcd" -> inv.outLine("etcd Version: " + plain + "\nGit SHA: Not provided (use ./build instead of go build)\n"
                    + "Go Version: go1.19.8\nGo OS/Arch: linux/amd64");
            case "etcdctl" -> inv.outLine("etcdctl version: " + plain + "\nAPI version: " + plain.replaceFirst("^(\\d+\\.\\d+).*", "$1"));
            case "containerd" -> inv.outLine("containerd github.com/containerd/containerd " + plain + "~ds1 " + plain + "~ds1-1+deb12u1");
            case "ctr" -> inv.outLine("ctr github.com/containerd/containerd " + plain + "~ds1");
            case "runc" -> inv.outLine("runc version " + plain + "+ds1\nspec: 1.0.2-dev\ngo: go1.19.8");
            case "dockerd" -> inv.outLine("Docker version " + plain + "+dfsg1, build 297e128");
            case "cri-dockerd" -> inv.outLine("cri-dockerd " + plain + " (HEAD)");
            default -> inv.outLine("Kubernetes " + version);
        }
        return 0;
    }

    private static int endpointHealth(Invocation inv) throws Exception {
        String endpoints = "http://127.0.0.1:2379";
        for (String arg : inv.args()) {
            if (arg.startsWith("--endpoints=")) {
                endpoints = arg.substring("--endpoints=".length());
            }
        }
        int status = 0;
        for (String endpoint : endpoints.split(",")) {
            URI uri = URI.create(endpoint.contains("://") ? endpoint : "http://" + endpoint);
            if (uri.getHost() != null && inv.machine().reachable(uri.getHost(), uri.getPort() < 0 ? 2379 : uri.getPort())) {
                inv.outLine(endpoint + " is healthy: successfully committed proposal: took = 2.103476ms");
            } else {
                inv.errLine("{\"level\":\"warn\",\"msg\":\"retrying of unary invoker failed\",\"target\":\"" + endpoint + "\"}");
                inv.errLine(endpoint + " is unhealthy: failed to commit proposal: context deadline exceeded");
                status = 1;
            }
        }
        if (status != 0) {
            inv.errLine("Error: unhealthy cluster");
        }
        return status;
    }
}
