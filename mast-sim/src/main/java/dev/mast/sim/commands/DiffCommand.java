package dev.mast.sim.commands;

import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import dev.mast.sim.shell.Shell;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code diff [-u] [-N] [-q] A B} on two files: 0 same, 1 different, 2 trouble; unified output with three lines of context. */
final class DiffCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS '+0000'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int CONTEXT = 3;

    private DiffCommand() {
    }

    static void register(CommandTable table) {
        table.add("diff", "/usr/bin/diff", CommandTable.Gate.ALWAYS, DiffCommand::diff);
    }

    private static int diff(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "U", Set.of());
        List<String> files = args.operands();
        if (files.size() != 2) {
            throw inv.fail(2, files.size() < 2 ? "missing operand after '" + String.join(" ", files) + "'" : "extra operand");
        }
        List<String> a = read(inv, files.get(0), args.has("N", "new-file"));
        List<String> b = read(inv, files.get(1), args.has("N", "new-file"));
        if (a == null || b == null) {
            return 2;
        }
        if (a.equals(b)) {
            return 0;
        }
        if (args.has("q", "brief")) {
            inv.outLine("Files " + files.get(0) + " and " + files.get(1) + " differ");
            return 1;
        }
        inv.outLine("--- " + files.get(0) + "\t" + stamp(inv, files.get(0)));
        inv.outLine("+++ " + files.get(1) + "\t" + stamp(inv, files.get(1)));
        for (String line : unified(a, b)) {
            inv.outLine(line);
        }
        return 1;
    }

    private static List<String> read(Invocation inv, String file, boolean absentIsEmpty) throws Exception {
        String path = inv.path(file);
        if (file.equals("-")) {
            return Shell.lines(inv.readAllInput());
        }
        if (!inv.fs().isFile(path)) {
            if (absentIsEmpty) {
                return List.of();
            }
            inv.errLine("diff: " + file + ": No such file or directory");
            return null;
        }
        return Shell.lines(inv.fs().read(path));
    }

    private static String stamp(Invocation inv, String file) throws Exception {
        String path = inv.path(file);
        return TIME.format(inv.fs().isFile(path) ? Instant.ofEpochMilli(inv.fs().modifiedMillis(path)) : Instant.EPOCH);
    }

    /** An edit script from the longest common subsequence, grouped into hunks. */
    static List<String> unified(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<int[]> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                ops.add(new int[] {' ', i++, j++});
            } else if (i < a.size() && (j >= b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new int[] {'-', i++, j});
            } else {
                ops.add(new int[] {'+', i, j++});
            }
        }
        return hunks(ops, a, b);
    }

    private static List<String> hunks(List<int[]> ops, List<String> a, List<String> b) {
        List<String> out = new ArrayList<>();
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k)[0] == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            int lastChange = k;
            while (end < ops.size() && (ops.get(end)[0] != ' ' || end - lastChange <= 2 * CONTEXT)) {
                if (ops.get(end)[0] != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            int aStart = ops.get(start)[1];
            int bStart = ops.get(start)[2];
            int aCount = 0;
            int bCount = 0;
            List<String> body = new ArrayList<>();
            for (int x = start; x < end; x++) {
                int[] op = ops.get(x);
                if (op[0] != '+') {
                    aCount++;
                }
                if (op[0] != '-') {
                    bCount++;
                }
                body.add((char) op[0] + (op[0] == '+' ? b.get(op[2]) : a.get(op[1])));
            }
            out.add("@@ -" + range(aStart, aCount) + " +" + range(bStart, bCount) + " @@");
            out.addAll(body);
            k = end;
        }
        return out;
    }

    private static String range(int start, int count) {
        return (count == 0 ? start : start + 1) + (count == 1 ? "" : "," + count);
    }
}
