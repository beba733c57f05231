package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What preflight checks read: OS, kernel, CPUs, clock, swap, sysctls, MACs, listening ports. */
class SystemFactsTest {
    @TempDir
    static Path tmp;
    static SimFixture sim;

    @BeforeAll
    static void start() throws Exception {
        sim = SimFixture.start(tmp, b -> b.nodes(2).customize(spec -> spec.hostName().equals("node002")
                ? spec.withSwapOn(true).withClockOffset(Duration.ofMinutes(5)) : spec));
    }

    @AfterAll
    static void stop() throws Exception {
        sim.close();
    }

    @Test
    void theNodeIsADebianTwelveMachine() throws Exception {
        assertEquals("node001\n", sim.run("hostname"));
        assertTrue(sim.run("cat /etc/os-release").contains("ID=debian\n"));
        assertTrue(sim.run("cat /etc/os-release").contains("VERSION_ID=\"12\"\n"));
        assertEquals("Linux\n", sim.run("uname -s"));
        assertEquals("6.1.0-28-amd64\n", sim.run("uname -r"));
        assertEquals("x86_64\n", sim.run("uname -m"));
        assertEquals("2\n", sim.run("nproc"));
        assertEquals("root\n0\n", sim.run("whoami && id -u"));
    }

    @Test
    void theClockOfASkewedNodeIsAhead() throws Exception {
        long now = Instant.now().getEpochSecond();
        long plain = Long.parseLong(sim.run("node001", "date +%s").trim());
        long skewed = Long.parseLong(sim.run("node002", "date +%s").trim());
        assertTrue(Math.abs(plain - now) < 60, "node001 follows the host clock");
        assertTrue(skewed - now > 240, "node002 is five minutes ahead");
    }

    @Test
    void swapShowsWhereItIsOnAndSwapoffTurnsItOff() throws Exception {
        assertEquals(1, sim.run("node001", "cat /proc/swaps").lines().count());
        assertEquals("", sim.run("node001", "swapon --show"));
        assertEquals(2, sim.run("node002", "cat /proc/swaps").lines().count());
        assertTrue(sim.run("node002", "swapon --show").contains("/swapfile"));
        sim.run("node002", "swapoff -a");
        assertEquals(1, sim.run("node002", "cat /proc/swaps").lines().count());
    }

    @Test
    void sysctlReadsAndWritesTheKernelsSettings() throws Exception {
        assertEquals("0\n", sim.run("node002", "sysctl -n net.ipv4.ip_forward"));
        assertEquals("net.ipv4.ip_forward = 1\n", sim.run("node002", "sysctl -w net.ipv4.ip_forward=1"));
        assertEquals("1\n", sim.run("node002", "cat /proc/sys/net/ipv4/ip_forward"));
        SshTestClient.Result missing = sim.ssh("node002").exec("sysctl -n net.bridge.bridge-nf-call-iptables");
        assertEquals(255, missing.status());
        assertTrue(missing.err().contains("cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables"));
        assertEquals("1\n", sim.run("node002", "modprobe br_netfilter && sysctl -n net.bridge.bridge-nf-call-iptables"));
        sim.run("node002", "echo 'vm.swappiness = 10' > /etc/sysctl.d/90-test.conf");
        assertTrue(sim.run("node002", "sysctl --system").contains("vm.swappiness = 10"));
    }

    @Test
    void everyNodeHasItsOwnMacAddress() throws Exception {
        assertEquals("eth0\nlo\n", sim.run("node001", "ls /sys/class/net"));
        String first = sim.run("node001", "cat /sys/class/net/eth0/address").trim();
        String second = sim.run("node002", "cat /sys/class/net/eth0/address").trim();
        assertTrue(first.matches("([0-9a-f]{2}:){5}[0-9a-f]{2}"), first);
        assertNotEquals(first, second);
        assertEquals(first + "\n00:00:00:00:00:00\n", sim.run("node001", "cat /sys/class/net/*/address"),
                "a pattern in a folder of the path expands as in sh");
        assertEquals("/sys/class/net/eth0\n/sys/class/net/lo\n", sim.run("node001", "echo /sys/class/*/e* && echo /sys/class/*/l?"));
    }

    @Test
    void aFreshNodeListensOnlyForSsh() throws Exception {
        String listening = sim.run("ss -ltnH");
        assertEquals(2, listening.lines().count(), listening);
        assertTrue(listening.contains("0.0.0.0:22"), listening);
        SshTestClient.Result curl = sim.exec("curl -sk --max-time 5 https://127.0.0.1:6443/healthz");
        assertEquals(7, curl.status());
    }
}
