package dev.mast.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines of an OpenSSH client configuration file ({@code ~/.ssh/config},
 * {@code /etc/ssh/ssh_config}) split as {@code ssh} splits them: a keyword, an optional
 * {@code =}, arguments separated by blanks or quoted, {@code #} comments. {@code Include}
 * lines carry the files they name, read in the same way (globs sorted, as {@code ssh} does,
 * relative paths under {@code ~/.ssh} for the user's file and {@code /etc/ssh} for the system's).
 * What a keyword means is left to {@link SshConfig}.
 */
final class SshConfigFile {
    /** OpenSSH's limit on nested Include files. */
    private static final int MAX_DEPTH = 16;

    /** One line: its keyword in lower case, its arguments, and where it is, for messages and the preview. */
    record Entry(String keyword, List<String> args, Path file, int line, List<List<Entry>> included) {
        String where() {
            return file + ":" + line;
        }
    }

    private final Path includeBase;
    private final Path home;

    private SshConfigFile(Path includeBase, Path home) {
        this.includeBase = includeBase;
        this.home = home;
    }

    /**
     * The entries of a file, or none when it does not exist.
     *
     * @param includeBase where relative Include paths point: {@code ~/.ssh} or {@code /etc/ssh}
     * @throws IOException when it exists but cannot be read, or a line cannot be split (located)
     */
    static List<Entry> read(Path file, Path includeBase, Path home) throws IOException {
        return new SshConfigFile(includeBase, home).read(file, 0);
    }

    private List<Entry> read(Path file, int depth) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        if (depth > MAX_DEPTH) {
            throw new IOException(file + ": Include nested more than " + MAX_DEPTH + " deep");
        }
        List<Entry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            List<String> words = split(lines.get(i), file, i + 1);
            if (words.isEmpty()) {
                continue;
            }
            String keyword = words.get(0).toLowerCase(Locale.ROOT);
            List<String> args = List.copyOf(words.subList(1, words.size()));
            List<List<Entry>> included = new ArrayList<>();
            if (keyword.equals("include")) {
                for (String pattern : args) {
                    for (Path match : expand(pattern)) {
                        included.add(read(match, depth + 1));
                    }
                }
            }
            entries.add(new Entry(keyword, args, file, i + 1, List.copyOf(included)));
        }
        return List.copyOf(entries);
    }

    /** Keyword and arguments; {@code Keyword=value} and {@code Keyword = value} as well as blanks. */
    static List<String> split(String line, Path file, int number) throws IOException {
        List<String> words = new ArrayList<>();
        String text = line.strip();
        int equals = firstSeparator(text);
        if (equals >= 0 && text.charAt(equals) == '=') {
            text = text.substring(0, equals) + " " + text.substring(equals + 1);
        }
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '#') {
                break; // a word that starts with # starts a comment
            }
            StringBuilder word = new StringBuilder();
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                char d = text.charAt(i);
                if (d == '"' || d == '\'') {
                    int close = text.indexOf(d, i + 1);
                    if (close < 0) {
                        throw new IOException(file + ":" + number + ": unbalanced quote");
                    }
                    word.append(text, i + 1, close);
                    i = close + 1;
                } else {
                    word.append(d);
                    i++;
                }
            }
            words.add(word.toString());
        }
        return words;
    }

    /** Where the keyword ends: the first blank or {@code =}. */
    private static int firstSeparator(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=' || Character.isWhitespace(c)) {
                int next = i;
                while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                    next++;
                }
                return next < text.length() && text.charAt(next) == '=' ? next : i;
            }
        }
        return -1;
    }

    /** The files an Include argument names, sorted; wildcards in its last component only. */
    private List<Path> expand(String pattern) throws IOException {
        String expanded = pattern.equals("~") ? home.toString()
                : pattern.startsWith("~/") ? home.resolve(pattern.substring(2)).toString() : pattern;
        Path path = includeBase.resolve(expanded);
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (!name.matches(".*[*?\\[].*")) {
            return List.of(path);
        }
        Path dir = path.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (matcher.matches(file.getFileName()) && !Files.isDirectory(file)) {
                    matches.add(file);
                }
            }
        }
        matches.sort(null);
        return matches;
    }
}
