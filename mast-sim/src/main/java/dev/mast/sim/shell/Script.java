package dev.mast.sim.shell;

import java.util.List;

/**
 * A parsed command line: and-or lists run one after the other. Each and-or list is pipelines
 * joined by {@code &&} or {@code ||}; each pipeline is simple commands joined by {@code |}.
 */
public record Script(List<AndOr> lists) {
    public Script {
        lists = List.copyOf(lists);
    }

    /** Pipelines joined by operators: {@code ops.get(i)} joins pipeline i and i + 1. */
    public record AndOr(List<Pipeline> pipelines, List<String> ops) {
        public AndOr {
            pipelines = List.copyOf(pipelines);
            ops = List.copyOf(ops);
        }
    }

    public record Pipeline(boolean negated, List<SimpleCommand> commands) {
        public Pipeline {
            commands = List.copyOf(commands);
        }
    }

    /** {@code NAME=value ... word ... redirect ...}, in the order written. */
    public record SimpleCommand(List<String> assignments, List<Word> words, List<Redirect> redirects) {
        public SimpleCommand {
            assignments = List.copyOf(assignments);
            words = List.copyOf(words);
            redirects = List.copyOf(redirects);
        }
    }

    /**
     * One word after quote removal.
     *
     * @param glob    true when it has an unquoted {@code *}, {@code ?} or {@code [} to expand against files
     * @param tilde   true when it starts with an unquoted {@code ~}
     */
    public record Word(String text, boolean glob, boolean tilde) { }

    /**
     * A redirection: {@code fd op target}, e.g. {@code 2>&1} is (2, ">&", "1").
     *
     * @param op one of {@code >}, {@code >>}, {@code <}, {@code >&}, {@code <&}
     */
    public record Redirect(int fd, String op, Word target) { }
}
