package dev.mast.cli;

import dev.mast.node.CredentialPrompt;
import java.io.Console;

/**
 * Asks on the terminal, without echo, for what SSH needs; shows a new host key's SHA256
 * fingerprint and records it only if the user types "yes", as OpenSSH does. Without a
 * terminal it gives nothing and trusts nothing.
 */
final class ConsolePrompt implements CredentialPrompt {
    private final Console console;

    private ConsolePrompt(Console console) {
        this.console = console;
    }

    /** The terminal's prompt, or one that refuses when there is no terminal or {@code --yes} was given. */
    static CredentialPrompt forRun(boolean nonInteractive) {
        Console console = System.console();
        return nonInteractive || console == null ? CredentialPrompt.refusing() : new ConsolePrompt(console);
    }

    @Override
    public char[] passphrase(String keyFile) {
        return console.readPassword("Passphrase for %s: ", keyFile);
    }

    @Override
    public char[] password(String userAtHost) {
        return console.readPassword("Password for %s: ", userAtHost);
    }

    @Override
    public char[] sudoPassword(String userAtHost) {
        return console.readPassword("sudo password for %s: ", userAtHost);
    }

    @Override
    public boolean acceptHostKey(String host, int port, String keyType, String sha256Fingerprint) {
        console.printf("The authenticity of host '%s' (port %d) can't be established.%n%s key fingerprint is %s.%n",
                host, port, keyType, sha256Fingerprint);
        String answer = console.readLine("Are you sure you want to continue connecting (yes/no)? ");
        return answer != null && answer.trim().equals("yes");
    }
}
