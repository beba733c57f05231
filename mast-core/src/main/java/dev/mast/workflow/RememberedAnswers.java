package dev.mast.workflow;

import dev.mast.files.NodeFile;
import dev.mast.workflow.ProgressEvent.LogLevel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the nodes answered during one preview or dry run, so that it asks each node each thing once: the preview reads
 * every node and takes the cluster's CA before its dry run, whose phases read the same units and flags again (dozens
 * of round trips a node). Nothing in a dry run changes a node, so a node answers the same query the same way within
 * it. A remote that is asked to change its node forgets what that node answered, so nothing stale is ever given.
 */
public final class RememberedAnswers {
    private final Map<String, Map<String, Remote.Output>> queries = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Optional<byte[]>>> files = new ConcurrentHashMap<>();
    private final AtomicInteger reused = new AtomicInteger();

    /** Remotes from {@code asking} that answer from what their node answered already, and remember what it answers now. */
    public RemoteFactory over(RemoteFactory asking) {
        return (node, log) -> new Remembering(asking.open(node, log), node.hostName(), log);
    }

    /** How many queries and reads were answered from memory instead of by a node. */
    public int reused() {
        return reused.get();
    }

    private final class Remembering implements Remote {
        private final Remote node;
        private final String hostName;
        private final NodeLog log;
        /** Inside work a run does beside commands (a wait for a port to close, say), the node is asked afresh each time. */
        private boolean performing;

        Remembering(Remote node, String hostName, NodeLog log) {
            this.node = node;
            this.hostName = hostName;
            this.log = log;
        }

        @Override
        public Output query(String script) throws Exception {
            if (performing) {
                return node.query(script);
            }
            Map<String, Output> answers = queries.computeIfAbsent(hostName, h -> new ConcurrentHashMap<>());
            Output known = answers.get(script);
            if (known != null) {
                reused.incrementAndGet();
                log.line(LogLevel.INFO, "$ " + script + "  (answered as " + hostName + " answered it earlier in this run)");
                known.stdout().forEach(line -> log.line(LogLevel.STDOUT, line));
                return known;
            }
            Output answer = node.query(script);
            answers.put(script, answer);
            return answer;
        }

        @Override
        public Optional<byte[]> read(String path) throws Exception {
            if (performing) {
                return node.read(path);
            }
            Map<String, Optional<byte[]>> contents = files.computeIfAbsent(hostName, h -> new ConcurrentHashMap<>());
            Optional<byte[]> known = contents.get(path);
            if (known != null) {
                reused.incrementAndGet();
                return known.map(byte[]::clone);
            }
            Optional<byte[]> content = node.read(path);
            contents.put(path, content.map(byte[]::clone));
            return content;
        }

        @Override
        public Output exec(String script) throws Exception {
            forget();
            return node.exec(script);
        }

        @Override
        public void write(NodeFile file) throws Exception {
            forget();
            node.write(file);
        }

        @Override
        public void writeAll(List<NodeFile> written) throws Exception {
            forget();
            node.writeAll(written);
        }

        /** The node is about to change: what it answered may no longer be so. */
        private void forget() {
            queries.remove(hostName);
            files.remove(hostName);
        }

        @Override
        public void perform(String what, Action action) throws Exception {
            node.perform(what, () -> {
                performing = true;
                try {
                    action.run();
                } finally {
                    performing = false;
                }
            });
        }

        @Override
        public boolean records() {
            return node.records();
        }

        @Override
        public boolean asks() {
            return node.asks();
        }

        @Override
        public String target() {
            return node.target();
        }

        @Override
        public void close() {
            node.close();
        }
    }
}
