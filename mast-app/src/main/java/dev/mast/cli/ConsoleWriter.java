package dev.mast.cli;

import dev.mast.plan.SafeText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Everything the command line prints goes through one of these, which escapes control characters
 * ({@link SafeText}): a value in a plan, a line a node sent or a server's message cannot retitle
 * the terminal, move its cursor or clear it. Line breaks, tabs and Windows line ends pass as they
 * are. The console's own cursor movements ({@link ConsoleProgress}) go through {@link #raw}.
 */
final class ConsoleWriter extends PrintWriter {
    private final PrintWriter raw;

    private ConsoleWriter(PrintWriter target) {
        super(new Escaping(target), true);
        this.raw = target;
    }

    static PrintWriter wrap(PrintWriter target) {
        return target instanceof ConsoleWriter ? target : new ConsoleWriter(target);
    }

    /** The writer underneath, which passes control characters: only for sequences Mast itself composes. */
    static PrintWriter raw(PrintWriter out) {
        return out instanceof ConsoleWriter console ? console.raw : out;
    }

    private static final class Escaping extends Writer {
        private final PrintWriter target;

        Escaping(PrintWriter target) {
            this.target = target;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            target.write(SafeText.escapeKeepingLines(new String(chars, offset, length)));
        }

        @Override
        public void flush() {
            target.flush();
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }
}
