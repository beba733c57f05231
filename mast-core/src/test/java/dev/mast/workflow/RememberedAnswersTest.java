package dev.mast.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mast.files.NodeFile;
import dev.mast.plan.Node;
import dev.mast.plan.Role;
import dev.mast.plan.SshSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A node is asked each thing once within a run that changes nothing, and afresh once something may have changed it. */
class RememberedAnswersTest {
    private final List<String> asked = new ArrayList<>();
    private final List<String> logged = new ArrayList<>();
    private final RememberedAnswers answers = new RememberedAnswers();

    /** A node whose answer to a query counts how often it was asked, so a remembered answer shows. */
    private final class CountingNode implements Remote {
        private final String name;

        CountingNode(String name) {
            this.name = name;
        }

        @Override
        public Output query(String script) {
            asked.add(name + ": " + script);
            return new Output(0, List.of(script + " #" + asked.size()), List.of());
        }

        @Override
        public Output exec(String script) {
            asked.add(name + " changed: " + script);
            return new Output(0, List.of(), List.of());
        }

        @Override
        public void write(NodeFile file) {
            asked.add(name + " wrote " + file.path());
        }

        @Override
        public Optional<byte[]> read(String path) {
            asked.add(name + " read " + path);
            return Optional.of((path + " #" + asked.size()).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String target() {
            return "root@" + name + ":22";
        }

        @Override
        public void close() {
        }
    }

    private static Node node(String name) {
        return new Node(name, "10.0.0.1", "10.0.0.1", Set.of(Role.MASTER), SshSettings.DEFAULT);
    }

    private Remote open(String name) throws Exception {
        RemoteFactory nodes = (node, log) -> new CountingNode(node.hostName());
        return answers.over(nodes).open(node(name), (level, text) -> logged.add(level + " " + text));
    }

    @Test
    void aNodeIsAskedEachQueryAndReadOnceThroughEveryRemoteOfTheRun() throws Exception {
        try (Remote preview = open("node001"); Remote dryRun = open("node001")) {
            var first = preview.query("systemctl cat kube-apiserver");
            byte[] file = preview.read("/etc/kubernetes/apiserver").orElseThrow();

            assertEquals(first, dryRun.query("systemctl cat kube-apiserver"));
            assertArrayEquals(file, dryRun.read("/etc/kubernetes/apiserver").orElseThrow());
        }
        assertEquals(List.of("node001: systemctl cat kube-apiserver", "node001 read /etc/kubernetes/apiserver"), asked);
        assertEquals(2, answers.reused());
        assertEquals(List.of("INFO $ systemctl cat kube-apiserver  (answered as node001 answered it earlier in this run)",
                "STDOUT systemctl cat kube-apiserver #1"), logged);
    }

    @Test
    void eachNodeAnswersForItself() throws Exception {
        try (Remote one = open("node001"); Remote two = open("node002")) {
            one.query("hostname");
            two.query("hostname");
        }
        assertEquals(List.of("node001: hostname", "node002: hostname"), asked);
        assertEquals(0, answers.reused());
    }

    @Test
    void aChangeToTheNodeMakesItAskedAgain() throws Exception {
        try (Remote remote = open("node001")) {
            remote.query("test -e /etc/kubernetes/manifests/kube-apiserver.yaml");
            remote.exec("systemctl stop kube-apiserver");
            remote.query("test -e /etc/kubernetes/manifests/kube-apiserver.yaml");
            remote.write(new NodeFile("/etc/kubernetes/manifests/kube-apiserver.yaml", new byte[0], 0644, false));
            remote.query("test -e /etc/kubernetes/manifests/kube-apiserver.yaml");
        }
        assertEquals(5, asked.size(), asked.toString());
        assertEquals(0, answers.reused());
    }

    @Test
    void workBesideCommandsAsksTheNodeAfreshEachTimeAsAWaitMust() throws Exception {
        try (Remote remote = open("node001")) {
            remote.query("curl -sk https://127.0.0.1:6443/readyz");
            remote.perform("wait until kube-apiserver answers", () -> {
                remote.query("curl -sk https://127.0.0.1:6443/readyz");
                remote.query("curl -sk https://127.0.0.1:6443/readyz");
            });
        }
        assertEquals(3, asked.size(), asked.toString());
    }
}
