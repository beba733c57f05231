package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import net.schmizz.sshj.SSHClient;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimBastionTest {
    @TempDir
    Path dir;

    /** The benchmark finds the jump host's CPU by its threads' name: the threads that let a client in carry it. */
    @Test
    void itsIoThreadsCarryTheNameTheBenchmarkLooksFor() throws Exception {
        KeyPair keys = SshTestClient.newKeyPair();
        Path privateKey = SshTestClient.writePrivateKey(keys, dir);
        try (SimBastion bastion = SimBastion.start("ops", keys.getPublic());
             SSHClient ssh = new SSHClient()) {
            String line = bastion.knownHostsLine();
            PublicKey hostKey = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line.substring(line.indexOf(' ') + 1))
                    .resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
            ssh.addHostKeyVerifier(KeyUtils.getFingerPrint(hostKey));
            ssh.connect("127.0.0.1", bastion.port());
            ssh.authPublickey("ops", ssh.loadKeys(privateKey.toString()));
            assertTrue(ssh.isAuthenticated());
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                            .anyMatch(thread -> thread.getName().startsWith(SimBastion.THREAD_NAME + "-")),
                    "no thread named " + SimBastion.THREAD_NAME + "-N");
        }
    }
}
