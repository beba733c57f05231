package dev.mast.sim.shell;

import java.io.InputStream;
import java.io.OutputStream;

/** A command's standard input, output and error. */
public record Io(InputStream in, OutputStream out, OutputStream err) {
    public Io withIn(InputStream value) {
        return new Io(value, out, err);
    }

    public Io withOut(OutputStream value) {
        return new Io(in, value, err);
    }

    public Io withErr(OutputStream value) {
        return new Io(in, out, value);
    }
}
