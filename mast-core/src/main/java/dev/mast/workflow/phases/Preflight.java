package dev.mast.workflow.phases;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.Remote;
import dev.mast.workflow.tasks.NodeFacts;
import dev.mast.workflow.tasks.Packages;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a node can take part before anything is changed, as kubeadm's preflight does: SSH
 * and sudo work, a supported OS, swap off, the ports free (or held by what Mast itself put there), a
 * container runtime present or installable, the clock in step. Records the node's host name and MACs for {@link UniqueNodes}.
 */
public final class Preflight implements Step {
    private static final Set<String> SUPPORTED_OS = Set.of("debian", "ubuntu", "rhel", "centos", "rocky", "almalinux", "fedora");
    private static final long MAX_CLOCK_SKEW_SECONDS = 30;
    private static final String MARKER = "::mast-preflight:: ";
    private static final String FAILED = "::mast-preflight-failed::";
    private static final String LOOPBACK_MAC = "00:00:00:00:00:00";
    private static final String MAC = "([0-9a-f]{2}:){5}[0-9a-f]{2}";
    private static final String UID = "uid";
    private static final String OS = "os-release";
    private static final String SWAPS = "swaps";
    private static final String PORTS = "ports";
    private static final String RUNTIME = "runtime";
    private static final String CLOCK = "clock";
    private static final String IP_FORWARD = "ip_forward";
    private static final String HOST_NAME = "hostname";
    private static final String MACS = "macs";

    /**
     * A program a package's maintainer scripts start as the package installs, on the port it then holds: Debian's
     * etcd-server starts its own etcd, Kubernetes' kubelet package its kubelet.
     */
    private record PackageService(String program, String pkg) {
    }

    private static final Map<Integer, PackageService> PACKAGE_SERVICES = Map.of(2379, new PackageService("etcd", "etcd-server"),
            2380, new PackageService("etcd", "etcd-server"), 10250, new PackageService("kubelet", "kubelet"));

    private final NodeFacts facts;
    private final Clock clock;

    public Preflight(NodeFacts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    @Override
    public void run(NodeContext context) throws Exception {
        Remote remote = context.remote();
        Map<String, List<String>> facts = read(remote, context.plan().runtime().key());
        List<String> problems = new ArrayList<>();
        if (!facts.get(UID).equals(List.of("0"))) {
            problems.add("commands do not run as root: check that the SSH user may use sudo");
        }
        String os = osId(facts.get(OS));
        if (!SUPPORTED_OS.contains(os)) {
            problems.add("unsupported operating system \"" + os + "\" (supported: " + new TreeSet<>(SUPPORTED_OS) + ")");
        }
        if (facts.get(SWAPS).size() > 1) {
            problems.add("swap is on: run 'swapoff -a' and remove swap from /etc/fstab");
        }
        problems.addAll(busyPorts(context, remote, facts.get(PORTS)));
        if (facts.get(RUNTIME).contains(FAILED)) {
            problems.add(context.plan().runtime().key() + " is not installed and there is no apt-get or yum to install it");
        }
        long skew = Long.parseLong(facts.get(CLOCK).get(0).trim()) - clock.instant().getEpochSecond();
        if (Math.abs(skew) > MAX_CLOCK_SKEW_SECONDS) {
            problems.add("the clock is " + Math.abs(skew) + " s " + (skew > 0 ? "ahead" : "behind")
                    + ": certificates need clocks in step (use NTP/chrony)");
        }
        if (!facts.get(IP_FORWARD).equals(List.of("1"))) {
            context.warn("net.ipv4.ip_forward is off; Mast turns it on with the container runtime");
        }
        List<String> macs = facts.get(MACS).stream().map(String::trim)
                .filter(m -> m.matches(MAC) && !m.equals(LOOPBACK_MAC)).toList();
        this.facts.record(context.node().hostName(), facts.get(HOST_NAME).get(0).trim(), macs);
        if (!problems.isEmpty()) {
            throw new PreflightException(String.join("; ", problems));
        }
        context.log("preflight passed (" + os + ")");
    }

    /**
     * Everything preflight reads, in one command rather than one per fact: on 200 nodes (or over a slow link) every
     * round trip counts. Each fact's output follows a marker line; a command's errors go with its output, and a
     * command that fails adds {@link #FAILED}, so a failure is reported with its own message.
     */
    private static Map<String, List<String>> read(Remote remote, String runtime) throws Exception {
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put(UID, "id -u");
        commands.put(OS, "cat /etc/os-release");
        commands.put(SWAPS, "cat /proc/swaps");
        commands.put(PORTS, "ss -ltnpH");
        commands.put(RUNTIME, "command -v " + runtime + " >/dev/null || command -v apt-get >/dev/null || command -v yum >/dev/null");
        commands.put(CLOCK, "date +%s");
        commands.put(IP_FORWARD, "sysctl -n net.ipv4.ip_forward");
        commands.put(HOST_NAME, "hostname");
        commands.put(MACS, "cat /sys/class/net/*/address");
        StringBuilder script = new StringBuilder();
        commands.forEach((fact, command) -> script.append("echo '").append(MARKER).append(fact).append("'; ")
                .append(command).append(" 2>&1 || echo '").append(FAILED).append("'; "));
        Remote.Output output = remote.query(script.toString());
        Map<String, List<String>> facts = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : output.stdout()) {
            if (line.startsWith(MARKER)) {
                current = new ArrayList<>();
                facts.put(line.substring(MARKER.length()), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        for (var command : commands.entrySet()) {
            List<String> lines = facts.get(command.getKey());
            boolean optional = command.getKey().equals(RUNTIME) || command.getKey().equals(MACS);
            if (lines == null || (!optional && lines.contains(FAILED))) {
                List<String> said = lines == null ? output.lastLines() : lines.stream().filter(l -> !l.equals(FAILED)).toList();
                throw new PreflightException("could not check the node: '" + command.getValue() + "' failed on " + remote.target()
                        + (said.isEmpty() ? "" : ": " + String.join(" | ", said)));
            }
        }
        return facts;
    }

    private static String osId(List<String> osRelease) {
        return osRelease.stream().filter(l -> l.startsWith("ID=")).findFirst()
                .map(l -> l.substring(3).replace("\"", "").trim()).orElse("unknown");
    }

    /** Ports the node's components will need, by the file whose presence shows Mast already put that component there. */
    private static Map<Integer, String> requiredPorts(Plan plan, Node node) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(10250, "/var/lib/kubelet/config.yaml");
        if (node.has(Role.MASTER)) {
            ports.put(plan.apiServerPort(), "/etc/kubernetes/manifests/kube-apiserver.yaml");
            ports.put(10257, "/etc/kubernetes/manifests/kube-controller-manager.yaml");
            ports.put(10259, "/etc/kubernetes/manifests/kube-scheduler.yaml");
        }
        if (node.has(Role.ETCD)) {
            ports.put(2379, "/etc/systemd/system/etcd.service");
            ports.put(2380, "/etc/systemd/system/etcd.service");
        }
        return ports;
    }

    private static List<String> busyPorts(NodeContext context, Remote remote, List<String> ssLines) throws Exception {
        Map<Integer, String> listening = new TreeMap<>();
        for (String line : ssLines) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4) {
                String local = columns[3];
                String program = columns.length > 5 && columns[5].startsWith("users:((\"")
                        ? columns[5].substring("users:((\"".length()).replaceFirst("\".*", "") : "";
                listening.put(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1)), program);
            }
        }
        List<String> problems = new ArrayList<>();
        for (var port : requiredPorts(context.plan(), context.node()).entrySet()) {
            Integer number = port.getKey();
            if (!listening.containsKey(number) || remote.probe("test -e " + port.getValue()) == 0) {
                continue;
            }
            PackageService started = PACKAGE_SERVICES.get(number);
            if (started != null && listening.get(number).equals(started.program()) && Packages.installedByMast(remote, started.pkg())) {
                context.log("port " + number + " is held by the " + started.program() + " that the " + started.pkg() + " package started"
                        + " when Mast installed it: Mast's own " + started.program() + " unit takes its place");
                continue;
            }
            problems.add("port " + number + " is in use by another program"
                    + (listening.get(number).isEmpty() ? "" : " (" + listening.get(number) + ")"));
        }
        return problems;
    }

    /** A node is not fit for the cluster; nothing was changed on it. */
    public static final class PreflightException extends Exception {
        public PreflightException(String message) {
            super(message);
        }
    }
}
