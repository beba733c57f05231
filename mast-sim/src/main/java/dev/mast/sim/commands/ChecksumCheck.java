package dev.mast.sim.commands;

import dev.mast.sim.shell.Invocation;
import dev.mast.sim.shell.Shell;
import java.io.IOException;
import java.util.List;

/** {@code sha256sum -c}: checks {@code <hash>  <file>} lines, printing {@code file: OK} or {@code file: FAILED}. */
final class ChecksumCheck {
    private ChecksumCheck() {
    }

    static int run(Invocation inv, List<String> lists) throws IOException {
        int[] status = {0};
        int failed = 0;
        for (byte[] list : TextCommands.inputs(inv, lists, status)) {
            for (String line : Shell.lines(list)) {
                String[] parts = line.trim().split("\\s+\\*?", 2);
                if (parts.length != 2) {
                    continue;
                }
                String path = inv.path(parts[1]);
                boolean ok = inv.fs().isFile(path) && TextCommands.sha256(inv.fs().read(path)).equals(parts[0]);
                inv.outLine(parts[1] + ": " + (ok ? "OK" : "FAILED"));
                failed += ok ? 0 : 1;
            }
        }
        if (failed > 0) {
            inv.errLine("sha256sum: WARNING: " + failed + " computed checksum" + (failed > 1 ? "s" : "") + " did NOT match");
            return 1;
        }
        return status[0];
    }
}
