package dev.mast.sim.commands;

import dev.mast.sim.shell.CommandException;
import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import java.io.IOException;
import java.util.List;

/** {@code test} and {@code [ ... ]}: file tests, string and integer comparisons, {@code !}, {@code -a}, {@code -o}. */
final class TestCommand {
    private final Invocation inv;
    private final List<String> args;
    private int pos;

    private TestCommand(Invocation inv, List<String> args) {
        this.inv = inv;
        this.args = args;
    }

    static void register(CommandTable table) {
        table.add("test", "/usr/bin/test", CommandTable.Gate.ALWAYS, inv -> evaluate(inv, inv.args()))
                .add("[", "/usr/bin/[", CommandTable.Gate.ALWAYS, inv -> {
                    List<String> args = inv.args();
                    if (args.isEmpty() || !args.get(args.size() - 1).equals("]")) {
                        throw new CommandException(2, "sh: 1: [: missing ]");
                    }
                    return evaluate(inv, args.subList(0, args.size() - 1));
                });
    }

    private static int evaluate(Invocation inv, List<String> args) throws Exception {
        if (args.isEmpty()) {
            return 1;
        }
        TestCommand test = new TestCommand(inv, args);
        boolean result = test.or();
        if (test.pos != args.size()) {
            throw new CommandException(2, "sh: 1: test: unexpected operator");
        }
        return result ? 0 : 1;
    }

    private boolean or() throws Exception {
        boolean value = and();
        while (pos < args.size() && args.get(pos).equals("-o")) {
            pos++;
            value |= and();
        }
        return value;
    }

    private boolean and() throws Exception {
        boolean value = not();
        while (pos < args.size() && args.get(pos).equals("-a")) {
            pos++;
            value &= not();
        }
        return value;
    }

    private boolean not() throws Exception {
        if (pos < args.size() && args.get(pos).equals("!") && args.size() - pos > 1) {
            pos++;
            return !not();
        }
        return primary();
    }

    private boolean primary() throws Exception {
        if (pos >= args.size()) {
            throw new CommandException(2, "sh: 1: test: argument expected");
        }
        String first = args.get(pos);
        if (first.equals("(")) {
            pos++;
            boolean value = or();
            pos++;
            return value;
        }
        if (pos + 2 < args.size() && isBinary(args.get(pos + 1))) {
            return binary(first, args.get(pos + 1), args.get(pos + 2));
        }
        if (first.startsWith("-") && first.length() == 2 && pos + 1 < args.size()) {
            pos += 2;
            return unary(first, args.get(pos - 1));
        }
        pos++;
        return !first.isEmpty();
    }

    private static boolean isBinary(String op) {
        return List.of("=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot").contains(op);
    }

    private boolean binary(String left, String op, String right) throws CommandException {
        pos += 3;
        if (op.equals("=") || op.equals("==")) {
            return left.equals(right);
        }
        if (op.equals("!=")) {
            return !left.equals(right);
        }
        long a;
        long b;
        try {
            a = Long.parseLong(left.trim());
            b = Long.parseLong(right.trim());
        } catch (NumberFormatException e) {
            throw new CommandException(2, "sh: 1: test: Illegal number: " + (isNumber(left) ? right : left));
        }
        return switch (op) {
            case "-eq" -> a == b;
            case "-ne" -> a != b;
            case "-lt" -> a < b;
            case "-le" -> a <= b;
            case "-gt" -> a > b;
            case "-ge" -> a >= b;
            default -> false;
        };
    }

    private static boolean isNumber(String text) {
        return text.trim().matches("-?\\d+");
    }

    private boolean unary(String op, String operand) throws IOException, CommandException {
        String path = inv.path(operand);
        var fs = inv.fs();
        return switch (op) {
            case "-e" -> fs.exists(path);
            case "-f" -> fs.isFile(path);
            case "-d" -> fs.isDirectory(path);
            case "-s" -> fs.isFile(path) && fs.size(path) > 0 || fs.isDirectory(path);
            case "-x" -> fs.exists(path) && (fs.mode(path) & 0111) != 0;
            case "-r" -> fs.exists(path) && fs.canRead(inv.session().user(), path);
            case "-w" -> fs.exists(path) && fs.canWrite(inv.session().user(), path);
            case "-L", "-h" -> fs.isSymlink(path);
            case "-n" -> !operand.isEmpty();
            case "-z" -> operand.isEmpty();
            case "-b", "-c", "-p", "-S", "-t" -> false;
            default -> throw new CommandException(2, "sh: 1: test: " + op + ": unexpected operator");
        };
    }
}
