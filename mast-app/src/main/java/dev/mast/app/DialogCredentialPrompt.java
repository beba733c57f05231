package dev.mast.app;

import dev.mast.node.CredentialPrompt;
import dev.mast.ui.common.DialogsFromBackground;
import java.nio.file.Path;

/**
 * The desktop app's answers to the SSH layer's questions: password fields that never echo, and
 * a host key confirmation worded like the Nodes page's. Runs on the connection's thread and
 * waits for the dialog; a cancelled dialog gives nothing, which fails that login cleanly.
 */
final class DialogCredentialPrompt implements CredentialPrompt {
    private final DialogsFromBackground dialogs;

    DialogCredentialPrompt(DialogsFromBackground dialogs) {
        this.dialogs = dialogs;
    }

    @Override
    public char[] passphrase(String keyFile) {
        String name = Path.of(keyFile).getFileName().toString();
        return secret("Passphrase for " + name, "The SSH key " + keyFile + " is encrypted. Enter its passphrase to unlock it; "
                + "Mast keeps the unlocked key in memory for this connection or run only.", "Passphrase", "Unlock key");
    }

    @Override
    public char[] password(String userAtHost) {
        return secret("Password for " + userAtHost, "The SSH key cannot log in to " + userAtHost
                + ". Enter the login password; Mast keeps it in memory for this connection or run only.", "Password", "Log in");
    }

    @Override
    public char[] sudoPassword(String userAtHost) {
        return secret("sudo password for " + userAtHost, "sudo on " + userAtHost
                + " asks for a password. Enter it; Mast keeps it in memory for this connection or run only.", "Password", "Use password");
    }

    @Override
    public boolean acceptHostKey(String host, int port, String keyType, String sha256Fingerprint) {
        String where = port == 22 ? host : host + ":" + port;
        return dialogs.ask(d -> d.confirm("Trust the host key of " + where + "?",
                "Mast has not connected to this node before. Its SSH host key (" + keyType + ") has the fingerprint:\n\n    "
                        + sha256Fingerprint + "\n\nCompare with what ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub prints "
                        + "on the node, and trust only a key that matches.", "Trust host key"), false);
    }

    private char[] secret(String title, String message, String field, String action) {
        return dialogs.ask(d -> d.askForSecret(title, message, field, action).orElse(null), null);
    }
}
