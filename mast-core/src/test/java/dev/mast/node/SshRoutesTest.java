package dev.mast.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.SshSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a node is reached: the plan's values over ~/.ssh/config's over the defaults, and where each came from. */
class SshRoutesTest {
    @TempDir
    Path home;
    Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        config = Files.createDirectories(home.resolve(".ssh")).resolve("config");
        Files.writeString(config, """
                Host jump
                  HostName 192.0.2.1
                  User ops
                  Port 2200
                Host node001
                  User admin
                  Port 2022
                  IdentityFile ~/.ssh/%r@%h_%u
                Host 10.0.1.*
                  ProxyJump jump,second@192.0.2.2
                  ConnectTimeout 5
                  ServerAliveInterval 20
                  StrictHostKeyChecking yes
                  UserKnownHostsFile ~/.ssh/known_hosts.cluster
                """);
    }

    private SshRoutes routes() throws Exception {
        SshConfig read = SshConfig.read(config, home.resolve("none"), home);
        return new SshRoutes(new SshEnvironment(read, Optional.empty(), home, "alice", null, null), SshOptions.DEFAULT);
    }

    @Test
    void takesEachSettingFromThePlanElseTheConfigurationElseTheDefaults() throws Exception {
        SshRoute route = routes().route("node001", "10.0.1.5", new SshSettings("", 0, "", ""));
        SshHop node = route.target();
        assertEquals(new NodeAddress("admin", "10.0.1.5", 2022), node.address());
        assertEquals(List.of(home.resolve(".ssh/admin@10.0.1.5_alice")), node.identityFiles().stream()
                .map(IdentityFile::path).toList());
        assertEquals(List.of(home.resolve(".ssh/known_hosts.cluster")), node.knownHosts());
        assertEquals(HostKeyPolicy.KNOWN_ONLY, node.hostKeys());
        assertEquals(Duration.ofSeconds(5), node.connectTimeout());
        assertEquals(Duration.ofSeconds(20), node.keepAlive());
        assertEquals(List.of(new NodeAddress("ops", "192.0.2.1", 2200), new NodeAddress("second", "192.0.2.2", 22)),
                route.jumps().stream().map(SshHop::address).toList());
        assertTrue(route.origins().contains(new SshRoute.Origin("User", "admin", "~/.ssh/config:6")), route.origins()
                .toString());
        assertTrue(route.origins().contains(new SshRoute.Origin("ProxyJump", "jump,second@192.0.2.2", "~/.ssh/config:10")));
        assertTrue(route.origins().contains(new SshRoute.Origin("jump host", "ops@192.0.2.1:2200",
                "HostName ~/.ssh/config:2, User ~/.ssh/config:3, Port ~/.ssh/config:4")), route.origins().toString());
    }

    @Test
    void aValueInThePlanWins() throws Exception {
        SshRoute route = routes().route("node001", "10.0.1.5", new SshSettings("root", 22, "~/.ssh/deploy", "none"));
        assertEquals(new NodeAddress("root", "10.0.1.5", 22), route.target().address());
        assertEquals(home.resolve(".ssh/deploy"), route.target().identityFiles().get(0).path());
        assertEquals(List.of(), route.jumps());
        assertTrue(route.origins().containsAll(List.of(new SshRoute.Origin("User", "root", "plan"),
                new SshRoute.Origin("Port", "22", "plan"), new SshRoute.Origin("IdentityFile", "~/.ssh/deploy", "plan"))));
    }

    @Test
    void withNothingSetItIsRootOnPort22WithSshsDefaultKeysDirectly() throws Exception {
        SshRoute route = routes().route("elsewhere", "192.168.7.7", SshSettings.UNSET);
        assertEquals(new NodeAddress("root", "192.168.7.7", 22), route.target().address());
        assertEquals(home.resolve(".ssh/id_rsa"), route.target().identityFiles().get(0).path());
        assertEquals(List.of(home.resolve(".ssh/known_hosts")), route.target().knownHosts());
        assertEquals(HostKeyPolicy.ASK, route.target().hostKeys());
        assertTrue(route.origins().contains(new SshRoute.Origin("User", "root", "default")));
    }
}
