package dev.mast.ui.wizard;

import dev.mast.plan.Node;
import dev.mast.ui.ConnectionTester;
import dev.mast.ui.NodeCheck;
import dev.mast.ui.common.BackgroundExecutor;
import dev.mast.ui.common.DialogService;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Connection tests of the Nodes page: each node tested in the background, the result on its
 * row; when a batch is done, the host keys not trusted yet are shown with their SHA256
 * fingerprints in one dialog, and trusted and tested again only if the user says so.
 */
public final class ConnectionTests {
    private final ConnectionTester tester;
    private final BackgroundExecutor background;
    private final DialogService dialogs;

    private record Untrusted(NodeRow row, Node node, NodeCheck check) { }

    public ConnectionTests(ConnectionTester tester, BackgroundExecutor background, DialogService dialogs) {
        this.tester = tester;
        this.background = background;
        this.dialogs = dialogs;
    }

    public void test(List<NodeRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int[] pending = {rows.size()};
        List<Untrusted> untrusted = new ArrayList<>();
        for (NodeRow row : rows) {
            Node node = row.toNode();
            row.setConnection(ConnectionStatus.TESTING);
            background.submit(() -> tester.test(node), check -> {
                row.setConnection(ConnectionStatus.of(check));
                if (check.needsHostKeyDecision()) {
                    untrusted.add(new Untrusted(row, node, check));
                }
                finishOne(pending, untrusted);
            }, error -> {
                row.setConnection(ConnectionStatus.error("The test could not run: " + error.getMessage()));
                finishOne(pending, untrusted);
            });
        }
    }

    private void finishOne(int[] pending, List<Untrusted> untrusted) {
        if (--pending[0] == 0 && !untrusted.isEmpty()) {
            askToTrust(untrusted);
        }
    }

    private void askToTrust(List<Untrusted> untrusted) {
        String keys = untrusted.stream()
                .map(u -> u.node().hostName() + " (" + u.node().ip() + "):\n    " + u.check().hostKeyFingerprint())
                .collect(Collectors.joining("\n"));
        boolean one = untrusted.size() == 1;
        String title = one ? "Trust the host key of " + untrusted.get(0).node().hostName() + "?"
                : "Trust the host keys of " + untrusted.size() + " nodes?";
        String message = "Mast has not connected to " + (one ? "this node" : "these nodes") + " before. Their SSH host "
                + (one ? "key has the fingerprint" : "keys have the fingerprints") + ":\n\n" + keys + "\n\n"
                + "Compare with what ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub prints on each node, "
                + "and trust only keys that match.";
        String action = one ? "Trust host key" : "Trust " + untrusted.size() + " host keys";
        if (!dialogs.confirm(title, message, action)) {
            return;
        }
        for (Untrusted u : untrusted) {
            u.row().setConnection(ConnectionStatus.TESTING);
            background.submit(() -> {
                tester.trustHostKey(u.node(), u.check().hostKeyFingerprint());
                return tester.test(u.node());
            }, check -> u.row().setConnection(ConnectionStatus.of(check)),
                    error -> u.row().setConnection(ConnectionStatus.error("The host key was not trusted: "
                            + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()))));
        }
    }
}
