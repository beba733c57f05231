package dev.mast.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/** The SSH client key a simulation's nodes accept, written as OpenSSH files, and the known_hosts file for its nodes. */
public final class ClientKeys {
    private ClientKeys() {
    }

    public static KeyPair generate() throws IOException {
        try {
            return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make an ed25519 key pair", e);
        }
    }

    /** Writes {@code file} (private, mode 600, unencrypted OpenSSH format) and {@code file.pub}. */
    public static void write(KeyPair keys, Path file, String comment) throws IOException {
        write(keys, file, comment, null);
    }

    /**
     * Like {@link #write(KeyPair, Path, String)}, the private key encrypted with {@code passphrase}
     * as {@code ssh-keygen -N} does (bcrypt key derivation, aes256-ctr), to try passphrase prompts.
     */
    public static void writeEncrypted(KeyPair keys, Path file, String comment, String passphrase) throws IOException {
        OpenSSHKeyEncryptionContext encryption = new OpenSSHKeyEncryptionContext();
        encryption.setCipherName("AES");
        encryption.setCipherMode("CTR");
        encryption.setCipherType("256");
        encryption.setPassword(passphrase);
        write(keys, file, comment, encryption);
    }

    private static void write(KeyPair keys, Path file, String comment, OpenSSHKeyEncryptionContext encryption) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keys, comment, encryption, out);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the private key " + file, e);
        }
        Files.writeString(file.resolveSibling(file.getFileName() + ".pub"),
                PublicKeyEntry.toString(keys.getPublic()) + " " + comment + "\n", StandardCharsets.UTF_8);
    }

    /** One known_hosts line per node: {@code [127.0.0.2]:40001 ssh-ed25519 AAAA...}. */
    public static void writeKnownHosts(List<SimulatedNode> nodes, Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (SimulatedNode node : nodes) {
            text.append(node.knownHostsLine()).append('\n');
        }
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    }
}
