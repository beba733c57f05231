package dev.mast.workflow.tasks;

import dev.mast.workflow.Remote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several questions to a node in one round trip: each command's output follows a marker line, and
 * a command that fails adds {@link #FAILED} after its output, so on 200 nodes (or over a slow link)
 * a check costs one command, not one per fact.
 */
final class MarkedQuery {
    static final String FAILED = "::mast-failed::";
    private static final String MARK = "::mast:: ";

    private final Map<String, String> commands = new LinkedHashMap<>();

    /** A command whose output (and whether it failed) is read under {@code key}; it redirects its own stderr. */
    MarkedQuery add(String key, String command) {
        commands.put(key, command);
        return this;
    }

    String script() {
        StringBuilder script = new StringBuilder();
        commands.forEach((key, command) -> script.append("echo '").append(MARK).append(key).append("'; ")
                .append(command).append(" || echo '").append(FAILED).append("'; "));
        return script.append("true").toString();
    }

    /** Each key's output lines, {@link #FAILED} last when its command failed; a key the node never reached maps to no lines. */
    Map<String, List<String>> run(Remote remote) throws Exception {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        commands.keySet().forEach(key -> answers.put(key, new ArrayList<>()));
        List<String> current = null;
        for (String line : remote.query(script()).stdout()) {
            if (line.startsWith(MARK)) {
                current = answers.get(line.substring(MARK.length()));
            } else if (current != null) {
                current.add(line);
            }
        }
        return answers;
    }

    static boolean failed(List<String> lines) {
        return !lines.isEmpty() && lines.get(lines.size() - 1).equals(FAILED);
    }

    /** The lines without the failure marker, e.g. the error curl printed. */
    static List<String> said(List<String> lines) {
        return lines.stream().filter(line -> !line.equals(FAILED)).toList();
    }
}
