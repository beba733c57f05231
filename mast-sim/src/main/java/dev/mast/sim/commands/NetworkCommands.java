package dev.mast.sim.commands;

import dev.mast.sim.machine.Endpoint;
import dev.mast.sim.machine.Process;
import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code ss -ltn} (the node's listening TCP ports: sshd and running components) and {@code ip addr}. */
final class NetworkCommands {
    private NetworkCommands() {
    }

    static void register(CommandTable table) {
        table.add("ss", "/usr/bin/ss", CommandTable.Gate.ALWAYS, NetworkCommands::ss)
                .add("ip", "/usr/sbin/ip", CommandTable.Gate.ALWAYS, NetworkCommands::ip);
    }

    private record Listener(String local, String peer, String process) { }

    private static int ss(Invocation inv) throws Exception {
        String flags = String.join("", inv.args().stream().filter(a -> a.startsWith("-") && !a.startsWith("--")).toList());
        boolean header = !flags.contains("H") && !inv.args().contains("--no-header");
        boolean processes = flags.contains("p") || inv.args().contains("--processes");
        boolean tcp = flags.contains("t") || !flags.contains("u");
        List<Listener> listeners = new ArrayList<>();
        if (tcp && flags.contains("l")) {
            listeners.add(new Listener("0.0.0.0:22", "0.0.0.0:*", "users:((\"sshd\",pid=612,fd=3))"));
            listeners.add(new Listener("[::]:22", "[::]:*", "users:((\"sshd\",pid=612,fd=4))"));
            for (Process process : inv.machine().processes().running()) {
                if (!process.hostNetwork()) {
                    continue;
                }
                for (Endpoint endpoint : process.endpoints()) {
                    String comm = process.kind().key().length() > 15 ? process.kind().key().substring(0, 15) : process.kind().key();
                    listeners.add(new Listener(endpoint.ssLocal(), endpoint.isWildcard() ? "*:*" : "0.0.0.0:*",
                            "users:((\"" + comm + "\",pid=" + process.pid() + ",fd=" + (7 + endpoint.port() % 5) + "))"));
                }
            }
        }
        if (header) {
            inv.outLine("State  Recv-Q Send-Q Local Address:Port  Peer Address:Port" + (processes ? "Process" : ""));
        }
        for (Listener l : listeners) {
            inv.outLine(String.format(Locale.ROOT, "LISTEN 0      4096   %18s %18s%s", l.local(), l.peer(),
                    processes ? " " + l.process() : ""));
        }
        return 0;
    }

    private static int ip(Invocation inv) throws Exception {
        List<String> args = inv.args().stream().filter(a -> !a.startsWith("-")).toList();
        if (args.isEmpty() || !(args.get(0).startsWith("a") || args.get(0).equals("link"))) {
            throw inv.fail(1, "the simulator only answers 'ip addr' and 'ip link'");
        }
        var identity = inv.machine().identity();
        inv.outLine("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000");
        inv.outLine("    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00");
        if (!args.get(0).equals("link")) {
            inv.outLine("    inet 127.0.0.1/8 scope host lo");
        }
        inv.outLine("2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000");
        inv.outLine("    link/ether " + identity.mac() + " brd ff:ff:ff:ff:ff:ff");
        if (!args.get(0).equals("link")) {
            inv.outLine("    inet " + identity.address() + "/8 brd 127.255.255.255 scope global eth0");
        }
        return 0;
    }
}
