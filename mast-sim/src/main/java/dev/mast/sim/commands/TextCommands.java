package dev.mast.sim.commands;

import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import dev.mast.sim.shell.Shell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** echo, printf, grep, head, tail, wc, sort, tee and sha256sum. */
final class TextCommands {
    private TextCommands() {
    }

    static void register(CommandTable table) {
        table.add("echo", "echo", CommandTable.Gate.SHELL_BUILTIN, TextCommands::echo)
                .add("printf", "printf", CommandTable.Gate.SHELL_BUILTIN, inv -> {
                    if (inv.args().isEmpty()) {
                        throw inv.fail(2, "usage: printf format [arg ...]");
                    }
                    inv.out(Printf.format(inv.args().get(0), inv.args().subList(1, inv.args().size())));
                    return 0;
                })
                .add("grep", "/usr/bin/grep", CommandTable.Gate.ALWAYS, TextCommands::grep)
                .add("head", "/usr/bin/head", CommandTable.Gate.ALWAYS, inv -> headTail(inv, true))
                .add("tail", "/usr/bin/tail", CommandTable.Gate.ALWAYS, inv -> headTail(inv, false))
                .add("wc", "/usr/bin/wc", CommandTable.Gate.ALWAYS, TextCommands::wc)
                .add("sort", "/usr/bin/sort", CommandTable.Gate.ALWAYS, TextCommands::sort)
                .add("tee", "/usr/bin/tee", CommandTable.Gate.ALWAYS, TextCommands::tee)
                .add("sha256sum", "/usr/bin/sha256sum", CommandTable.Gate.ALWAYS, TextCommands::sha256sum);
    }

    private static int echo(Invocation inv) throws IOException {
        List<String> args = new ArrayList<>(inv.args());
        boolean newline = true;
        while (!args.isEmpty() && args.get(0).matches("-[neE]+")) {
            newline &= !args.remove(0).contains("n");
        }
        String text = Printf.escapes(String.join(" ", args));
        int stop = text.indexOf('\u0003');
        if (stop >= 0) {
            text = text.substring(0, stop);
            newline = false;
        }
        inv.out(newline ? text + "\n" : text);
        return 0;
    }

    /** The contents of the operands (files, or standard input when none or "-"); missing files reported. */
    static List<byte[]> inputs(Invocation inv, List<String> files, int[] status) throws IOException {
        List<byte[]> inputs = new ArrayList<>();
        if (files.isEmpty()) {
            inputs.add(inv.readAllInput());
        }
        for (String file : files) {
            String path = inv.path(file);
            if (file.equals("-")) {
                inputs.add(inv.readAllInput());
            } else if (!inv.fs().isFile(path)) {
                inv.errLine(inv.name() + ": " + file + ": " + (inv.fs().isDirectory(path) ? "Is a directory" : "No such file or directory"));
                status[0] = inv.name().equals("grep") ? 2 : 1;
            } else if (!inv.fs().canRead(inv.session().user(), path)) {
                inv.errLine(inv.name() + ": " + file + ": Permission denied");
                status[0] = inv.name().equals("grep") ? 2 : 1;
            } else {
                inputs.add(inv.fs().read(path));
            }
        }
        return inputs;
    }

    private static int grep(Invocation inv) throws IOException {
        Args args = Args.parse(inv.args(), "emA", Set.of("regexp", "max-count"));
        List<String> operands = new ArrayList<>(args.operands());
        String pattern = args.value("e", "regexp").orElseGet(() -> operands.isEmpty() ? "" : operands.remove(0));
        boolean fixed = args.has("F", "fixed-strings");
        boolean extended = args.has("E", "extended-regexp");
        String regex = fixed ? Pattern.quote(pattern) : extended ? pattern : basicToJava(pattern);
        if (args.has("x", "line-regexp")) {
            regex = "^(?:" + regex + ")$";
        } else if (args.has("w", "word-regexp")) {
            regex = "\\b(?:" + regex + ")\\b";
        }
        Pattern compiled = Pattern.compile(regex, args.has("i", "ignore-case") ? Pattern.CASE_INSENSITIVE : 0);
        boolean invert = args.has("v", "invert-match");
        int[] status = {0};
        int count = 0;
        StringBuilder out = new StringBuilder();
        for (byte[] input : inputs(inv, operands, status)) {
            for (String line : Shell.lines(input)) {
                if (compiled.matcher(line).find() != invert) {
                    count++;
                    out.append(line).append('\n');
                }
            }
        }
        if (args.has("c", "count")) {
            inv.outLine(String.valueOf(count));
        } else if (!args.has("q", "quiet", "silent")) {
            inv.out(out.toString());
        }
        return status[0] == 2 && count == 0 ? 2 : count > 0 ? 0 : 1;
    }

    /** Basic regular expressions swap the meaning of escaped and plain ( ) { } | + ?. */
    private static String basicToJava(String bre) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bre.length(); i++) {
            char c = bre.charAt(i);
            if (c == '\\' && i + 1 < bre.length() && "(){}|+?".indexOf(bre.charAt(i + 1)) >= 0) {
                out.append(bre.charAt(++i));
            } else if ("(){}|+?".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c == '\\' && i + 1 < bre.length()) {
                out.append(c).append(bre.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int headTail(Invocation inv, boolean head) throws IOException {
        List<String> raw = new ArrayList<>();
        for (String arg : inv.args()) {
            raw.add(arg.matches("-\\d+") ? "-n" + arg.substring(1) : arg);
        }
        Args args = Args.parse(raw, "n", Set.of("lines"));
        String n = args.value("n", "lines").orElse("10");
        int[] status = {0};
        for (byte[] input : inputs(inv, args.operands(), status)) {
            List<String> lines = Shell.lines(input);
            List<String> selected;
            if (!head && n.startsWith("+")) {
                selected = lines.subList(Math.min(lines.size(), Math.max(0, Integer.parseInt(n.substring(1)) - 1)), lines.size());
            } else {
                int count = Math.min(lines.size(), Integer.parseInt(n.replace("+", "")));
                selected = head ? lines.subList(0, count) : lines.subList(lines.size() - count, lines.size());
            }
            for (String line : selected) {
                inv.outLine(line);
            }
        }
        return status[0];
    }

    private static int wc(Invocation inv) throws IOException {
        Args args = Args.parse(inv.args(), "", Set.of());
        int[] status = {0};
        List<byte[]> inputs = inputs(inv, args.operands(), status);
        for (int i = 0; i < inputs.size(); i++) {
            String text = new String(inputs.get(i), StandardCharsets.UTF_8);
            long lines = text.chars().filter(c -> c == '\n').count();
            long words = text.isBlank() ? 0 : text.trim().split("\\s+").length;
            List<String> columns = new ArrayList<>();
            boolean all = !args.has("l", "w", "c", "m");
            if (all || args.has("l")) {
                columns.add(String.valueOf(lines));
            }
            if (all || args.has("w")) {
                columns.add(String.valueOf(words));
            }
            if (all || args.has("c", "m")) {
                columns.add(String.valueOf(inputs.get(i).length));
            }
            String name = args.operands().isEmpty() ? "" : " " + args.operands().get(Math.min(i, args.operands().size() - 1));
            inv.outLine(String.join(" ", columns) + name);
        }
        return status[0];
    }

    private static int sort(Invocation inv) throws IOException {
        Args args = Args.parse(inv.args(), "k", Set.of());
        int[] status = {0};
        List<String> lines = new ArrayList<>();
        for (byte[] input : inputs(inv, args.operands(), status)) {
            lines.addAll(Shell.lines(input));
        }
        if (args.has("n")) {
            lines.sort((a, b) -> Double.compare(number(a), number(b)));
        } else {
            lines.sort(String::compareTo);
        }
        if (args.has("r")) {
            java.util.Collections.reverse(lines);
        }
        List<String> out = args.has("u") ? lines.stream().distinct().toList() : lines;
        for (String line : out) {
            inv.outLine(line);
        }
        return status[0];
    }

    private static double number(String line) {
        var m = Pattern.compile("^\\s*(-?\\d+(\\.\\d+)?)").matcher(line);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static int tee(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "", Set.of());
        byte[] input = inv.readAllInput();
        int status = 0;
        for (String file : args.operands()) {
            String path = inv.path(file);
            if (path.equals("/dev/null")) {
                continue;
            }
            if (!inv.fs().canWrite(inv.session().user(), path) || !inv.fs().isDirectory(dev.mast.sim.machine.VirtualFs.parent(path))) {
                inv.errLine("tee: " + file + ": " + (inv.fs().canWrite(inv.session().user(), path) ? "No such file or directory"
                        : "Permission denied"));
                status = 1;
            } else if (args.has("a", "append")) {
                inv.fs().append(path, input, 0644);
            } else {
                inv.fs().write(path, input, 0644);
            }
        }
        inv.io().out().write(input);
        inv.io().out().flush();
        return status;
    }

    private static int sha256sum(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "", Set.of());
        if (args.has("c", "check")) {
            return ChecksumCheck.run(inv, args.operands());
        }
        List<String> files = args.operands().isEmpty() ? List.of("-") : args.operands();
        int status = 0;
        for (String file : files) {
            int[] one = {0};
            List<byte[]> input = inputs(inv, List.of(file), one);
            if (one[0] != 0) {
                status = 1;
                continue;
            }
            inv.outLine(sha256(input.get(0)) + "  " + file);
        }
        return status;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).toLowerCase(Locale.ROOT);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
