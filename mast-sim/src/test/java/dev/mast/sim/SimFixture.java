package dev.mast.sim;

import dev.mast.sim.machine.SimTiming;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** A simulated cluster with fast timing, the client key it accepts, and SSH clients to its nodes. */
final class SimFixture implements AutoCloseable {
    final KeyPair keys;
    final Path keyFile;
    final SimulatedCluster cluster;
    private final String user;
    private final Map<String, SshTestClient> clients = new LinkedHashMap<>();

    private SimFixture(KeyPair keys, Path keyFile, SimulatedCluster cluster, String user) {
        this.keys = keys;
        this.keyFile = keyFile;
        this.cluster = cluster;
        this.user = user;
    }

    static SimFixture start(Path tmp, UnaryOperator<SimulatedCluster.Builder> configure) throws Exception {
        return start(tmp, "root", configure);
    }

    static SimFixture start(Path tmp, String user, UnaryOperator<SimulatedCluster.Builder> configure) throws Exception {
        KeyPair keys = SshTestClient.newKeyPair();
        Path keyFile = SshTestClient.writePrivateKey(keys, tmp);
        SimulatedCluster cluster = configure.apply(SimulatedCluster.builder().authorizedKey(keys.getPublic())
                .timing(SimTiming.fast()).workDir(tmp.resolve("nodes"))).start();
        return new SimFixture(keys, keyFile, cluster, user);
    }

    SimulatedNode node(String hostName) {
        return cluster.node(hostName);
    }

    /** A connected client to the node, as the cluster's SSH user (one per node, reused). */
    SshTestClient ssh(String hostName) throws Exception {
        SshTestClient client = clients.get(hostName);
        if (client == null || !client.isConnected()) {
            client = new SshTestClient(cluster.node(hostName), user, keyFile);
            clients.put(hostName, client);
        }
        return client;
    }

    /** Runs a command on node001 and returns its standard output; fails on a non-zero status. */
    String run(String command) throws Exception {
        return run("node001", command);
    }

    String run(String hostName, String command) throws Exception {
        SshTestClient.Result result = ssh(hostName).exec(command);
        if (result.status() != 0) {
            throw new AssertionError("\"" + command + "\" on " + hostName + " exited " + result.status() + ": " + result.err() + result.out());
        }
        return result.out();
    }

    SshTestClient.Result exec(String command) throws Exception {
        return ssh("node001").exec(command);
    }

    /** Waits until the condition holds (the simulation moves on its own), failing after the timeout. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, Duration.ofSeconds(20), condition);
    }

    @Override
    public void close() throws Exception {
        for (SshTestClient client : clients.values()) {
            client.close();
        }
        cluster.close();
    }
}
