package dev.mast.node;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** For tests of an open connection: a fresh MINA node per test, its host key trusted, connected and closed again. */
abstract class ConnectedToMinaNode {
    @TempDir
    Path dir;
    MinaFixture node;
    NodeConnection connection;

    @BeforeEach
    void connect() throws Exception {
        node = MinaFixture.start(dir);
        node.trustHostKey();
        connection = node.connect(new RecordingPrompt());
    }

    @AfterEach
    void disconnect() throws IOException {
        connection.close();
        node.close();
    }
}
