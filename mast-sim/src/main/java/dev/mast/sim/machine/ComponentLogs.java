package dev.mast.sim.machine;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** What each kind of component writes when it starts, becomes ready, stops or fails, in its real format. */
final class ComponentLogs {
    private ComponentLogs() {
    }

    static List<String> starting(Process p, Instant t, String nodeAddress) {
        long th = p.logThread();
        String v = p.version();
        return switch (p.kind()) {
            case KUBE_APISERVER -> List.of(
                    LogFormat.klog('I', t, th, "options.go:249", "external host was not specified, using " + nodeAddress),
                    LogFormat.klog('I', t, th, "server.go:161", "Version: " + v),
                    LogFormat.klog('I', t, th, "server.go:163", "\"Golang settings\" GOGC=\"\" GOMAXPROCS=\"\" GOTRACEBACK=\"\""),
                    LogFormat.klog('I', t, th, "shared_informer.go:349", "\"Waiting for caches to sync\" controller=\"node_authorizer\""));
            case KUBE_CONTROLLER_MANAGER, KUBE_SCHEDULER -> List.of(
                    LogFormat.klog('I', t, th, "serving.go:386", "Generated self-signed cert in-memory"),
                    LogFormat.klog('I', t, th, p.kind() == ComponentKind.KUBE_SCHEDULER ? "server.go:167" : "controllermanager.go:208",
                            "\"Starting\" version=\"" + v + "\""));
            case KUBE_PROXY -> List.of(
                    LogFormat.klog('I', t, th, "server_linux.go:53", "\"Using iptables proxy\""),
                    LogFormat.klog('I', t, th, "server.go:483", "\"Version info\" version=\"" + v + "\""));
            case KUBELET -> List.of(
                    LogFormat.klog('I', t, th, "server.go:530", "\"Kubelet version\" kubeletVersion=\"" + v + "\""),
                    LogFormat.klog('I', t, th, "server.go:954", "\"Client rotation is on, will bootstrap in background\""));
            case ETCD -> List.of(
                    LogFormat.zap("info", t, "etcdmain/etcd.go:73", "Running: ", "\"args\":[" + p.argv().stream()
                            .map(a -> "\"" + a.replace("\"", "\\\"") + "\"").collect(Collectors.joining(",")) + "]"),
                    LogFormat.zap("info", t, "embed/etcd.go:140", "configuring peer listeners", ""));
            case CONTAINERD -> List.of(LogFormat.logrus("info", t, "starting containerd\" revision=1.7.24 version=1.7.24"));
            case DOCKERD -> List.of(LogFormat.logrus("info", t, "Starting up"));
            case CRI_DOCKERD -> List.of(LogFormat.logrus("info", t, "Connecting to docker on the Endpoint unix:///var/run/docker.sock"));
            case GENERIC -> List.of();
        };
    }

    static List<String> ready(Process p, Instant t) {
        long th = p.logThread();
        String listen = p.endpoints().isEmpty() ? "" : p.endpoints().get(0).ssLocal().replace("*", "[::]");
        return switch (p.kind()) {
            case KUBE_APISERVER -> List.of(
                    LogFormat.klog('I', t, th, "secure_serving.go:211", "Serving securely on " + listen),
                    LogFormat.klog('I', t, th, "controller.go:667", "quota admission added evaluator for: leases.coordination.k8s.io"));
            case KUBE_CONTROLLER_MANAGER -> List.of(
                    LogFormat.klog('I', t, th, "secure_serving.go:211", "Serving securely on " + listen),
                    LogFormat.klog('I', t, th, "leaderelection.go:257", "attempting to acquire leader lease kube-system/kube-controller-manager..."));
            case KUBE_SCHEDULER -> List.of(
                    LogFormat.klog('I', t, th, "secure_serving.go:211", "Serving securely on " + listen),
                    LogFormat.klog('I', t, th, "leaderelection.go:257", "attempting to acquire leader lease kube-system/kube-scheduler..."));
            case KUBE_PROXY -> List.of(LogFormat.klog('I', t, th, "config.go:199", "\"Starting service config controller\""));
            case KUBELET -> List.of(LogFormat.klog('I', t, th, "kubelet.go:2419", "\"Starting kubelet main sync loop\""));
            case ETCD -> List.of(LogFormat.zap("info", t, "embed/serve.go:210", "serving client traffic securely",
                    "\"traffic\":\"grpc+http\",\"address\":\"" + listen + "\""));
            case CONTAINERD -> List.of(LogFormat.logrus("info", t, "containerd successfully booted in 0.052174s"));
            case DOCKERD -> List.of(LogFormat.logrus("info", t, "API listen on /run/docker.sock"));
            case CRI_DOCKERD -> List.of(LogFormat.logrus("info", t, "Start cri-dockerd grpc backend"));
            case GENERIC -> List.of();
        };
    }

    static List<String> stopping(Process p, Instant t) {
        return switch (p.kind()) {
            case ETCD -> List.of(LogFormat.zap("info", t, "osutil/interrupt_unix.go:64", "received signal; shutting down", "\"signal\":\"terminated\""));
            case CONTAINERD, DOCKERD, CRI_DOCKERD -> List.of(LogFormat.logrus("info", t, "Stop CRI service"));
            case GENERIC -> List.of();
            default -> List.of(LogFormat.klog('I', t, p.logThread(), "secure_serving.go:258", "Stopped listening on "
                    + (p.endpoints().isEmpty() ? "" : p.endpoints().get(0).ssLocal().replace("*", "[::]"))));
        };
    }

    static List<String> failed(Process p, Instant t, String error) {
        if (p.kind() == ComponentKind.ETCD) {
            return List.of(LogFormat.zap("fatal", t, "etcdmain/etcd.go:204", "discovery failed", "\"error\":\"" + error.replace("\"", "'") + "\""));
        }
        if (p.kind() == ComponentKind.CONTAINERD || p.kind() == ComponentKind.DOCKERD || p.kind() == ComponentKind.CRI_DOCKERD) {
            return List.of(LogFormat.logrus("fatal", t, error));
        }
        return List.of(LogFormat.klog('E', t, p.logThread(), "run.go:72", "\"command failed\" err=\"" + error.replace("\"", "\\\"") + "\""));
    }
}
