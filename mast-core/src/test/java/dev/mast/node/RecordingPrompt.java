package dev.mast.node;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A person at the keyboard, scripted: gives set answers and records what was asked. */
final class RecordingPrompt implements CredentialPrompt {
    final List<String> asked = new CopyOnWriteArrayList<>();
    final List<String> hostKeyFingerprints = new CopyOnWriteArrayList<>();
    volatile String passphrase;
    volatile String password;
    volatile String sudoPassword;
    volatile boolean acceptHostKeys;

    RecordingPrompt acceptingHostKeys() {
        acceptHostKeys = true;
        return this;
    }

    RecordingPrompt withPassphrase(String value) {
        passphrase = value;
        return this;
    }

    RecordingPrompt withPassword(String value) {
        password = value;
        return this;
    }

    RecordingPrompt withSudoPassword(String value) {
        sudoPassword = value;
        return this;
    }

    @Override
    public char[] passphrase(String keyFile) {
        asked.add("passphrase " + keyFile);
        return passphrase == null ? null : passphrase.toCharArray();
    }

    @Override
    public char[] password(String userAtHost) {
        asked.add("password " + userAtHost);
        return password == null ? null : password.toCharArray();
    }

    @Override
    public char[] sudoPassword(String userAtHost) {
        asked.add("sudo password " + userAtHost);
        return sudoPassword == null ? null : sudoPassword.toCharArray();
    }

    @Override
    public boolean acceptHostKey(String host, int port, String keyType, String sha256Fingerprint) {
        asked.add("host key " + host + ":" + port + " " + keyType);
        hostKeyFingerprints.add(sha256Fingerprint);
        return acceptHostKeys;
    }

    long count(String prefix) {
        return asked.stream().filter(question -> question.startsWith(prefix)).count();
    }
}
