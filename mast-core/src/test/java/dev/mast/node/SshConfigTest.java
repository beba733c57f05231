package dev.mast.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ssh_config read as OpenSSH reads it: for each host, the values Mast finds are the ones
 * {@code ssh -G} (OpenSSH's own evaluation of the same file) prints.
 */
class SshConfigTest {
    private static final List<String> COMPARED = List.of("hostname", "user", "port", "identityfile", "identitiesonly",
            "proxyjump", "stricthostkeychecking", "connecttimeout", "serveraliveinterval", "userknownhostsfile");

    @TempDir
    Path dir;
    Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        Path conf = Files.createDirectories(dir.resolve("config.d"));
        Files.writeString(conf.resolve("10-bastion.conf"), """
                Host bastion
                  HostName 203.0.113.10
                  User ops
                  Port=2222
                  IdentityFile ~/.ssh/bastion_key
                """);
        Files.writeString(conf.resolve("20-late.conf"), """
                Host bastion
                  User too-late
                """);
        config = Files.writeString(dir.resolve("config"), """
                # The user's file: first value wins, an Include is read where it stands.
                IgnoreUnknown SomethingNew
                SomethingNew with a value
                Include %s/config.d/*.conf

                Host 10.0.* !10.0.0.9
                  ProxyJump bastion,ops2@b2:2200
                  IdentityFile ~/.ssh/id_%%h_%%r_%%u
                  IdentitiesOnly yes

                Host node0?? web-*
                  User "deploy"
                  ConnectTimeout 7

                Match host 10.0.0.*
                  User ubuntu
                  StrictHostKeyChecking accept-new

                Match originalhost direct-* user root
                  ProxyJump none
                  ProxyJump bastion

                Host *
                  User root
                  IdentityFile %%d/.ssh/fallback
                  ServerAliveInterval 30
                  UserKnownHostsFile /tmp/kh1 /tmp/kh2
                  StrictHostKeyChecking yes
                  Port 22
                """.formatted(dir));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bastion", "10.0.0.5", "10.0.0.9", "node001", "node0001", "web-1", "direct-1",
            "other.example.com"})
    void findsForEachHostWhatSshItselfFinds(String host) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh")), "OpenSSH's ssh is not installed");
        SshConfig read = SshConfig.read(config, dir.resolve("no-system-config"), dir);
        Map<String, String> mine = asSshPrintsIt(read.lookup(query(host)), host);
        Map<String, String> ssh = sshG(host);
        for (String keyword : mine.keySet()) {
            assertEquals(ssh.get(keyword), mine.get(keyword), host + ": " + keyword);
        }
    }

    @Test
    void aValueGivenBeforeTheFilesWinsAndMatchHostSeesIt() throws IOException {
        SshConfig read = SshConfig.read(config, dir.resolve("none"), dir);
        var values = read.lookup(new SshConfig.Query(List.of("node001", "10.0.0.5"), "10.0.0.5", "admin", "root", dir));
        // Host node0?? matched the name, Match host matched the address given as HostName.
        assertEquals("7", values.get("connecttimeout").first());
        assertEquals("accept-new", values.get("stricthostkeychecking").first());
        assertEquals(config + ":7", values.get("proxyjump").where());
    }

    @Test
    void notesWhatMastDoesNotDo() throws IOException {
        Files.writeString(config, """
                Match exec "test -e /tmp/flag" host x
                  User never
                Host x
                  ProxyCommand nc %h %p
                """);
        var values = SshConfig.read(config, dir.resolve("none"), dir).lookup(query("x"));
        assertNull(values.get("user"));
        assertEquals(List.of(config + ":1: Match exec is not evaluated by Mast; the block is skipped",
                config + ":4: ProxyCommand is not used by Mast; use ProxyJump"), values.notes());
    }

    @Test
    void anUnbalancedQuoteIsALocatedError() throws IOException {
        Files.writeString(config, "Host x\n  User \"open\n");
        IOException error = assertThrows(IOException.class, () -> SshConfig.read(config, dir.resolve("none"), dir));
        assertEquals(config + ":2: unbalanced quote", error.getMessage());
    }

    @Test
    void aMissingFileIsAnEmptyConfiguration() throws IOException {
        var values = SshConfig.read(dir.resolve("absent"), dir.resolve("none"), dir).lookup(query("x"));
        assertTrue(values.values().isEmpty());
    }

    private SshConfig.Query query(String host) {
        return new SshConfig.Query(List.of(host), null, null, "root", dir);
    }

    /** What {@code ssh -G} would print for the values found, defaults filled in as ssh fills them. */
    private Map<String, String> asSshPrintsIt(SshConfig.HostValues values, String host) {
        Map<String, String> printed = new LinkedHashMap<>();
        var hostName = values.get("hostname");
        printed.put("hostname", hostName == null ? host : hostName.first());
        printed.put("user", values.get("user") == null ? "root" : values.get("user").first());
        printed.put("port", values.get("port") == null ? "22" : values.get("port").first());
        if (!values.identityFiles().isEmpty()) {
            List<String> files = new ArrayList<>();
            values.identityFiles().forEach(value -> files.addAll(value.args()));
            printed.put("identityfile", String.join("\n", files));
        }
        printed.put("identitiesonly", values.get("identitiesonly") == null ? "no" : values.get("identitiesonly").first());
        if (values.get("proxyjump") != null && !values.get("proxyjump").first().equals("none")) {
            printed.put("proxyjump", values.get("proxyjump").first());
        }
        var strict = values.get("stricthostkeychecking");
        printed.put("stricthostkeychecking", strict == null ? "ask" : strict.first().replace("yes", "true"));
        var timeout = values.get("connecttimeout");
        printed.put("connecttimeout", timeout == null ? "none" : timeout.first());
        var alive = values.get("serveraliveinterval");
        printed.put("serveraliveinterval", alive == null ? "0" : alive.first());
        var known = values.get("userknownhostsfile");
        if (known != null) {
            printed.put("userknownhostsfile", String.join(" ", known.args()));
        }
        return printed;
    }

    private Map<String, String> sshG(String host) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ssh", "-G", "-F", config.toString(), host).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        Map<String, String> printed = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && COMPARED.contains(line.substring(0, space))) {
                printed.merge(line.substring(0, space), line.substring(space + 1), (a, b) -> a + "\n" + b);
            }
        }
        return printed;
    }
}
