package dev.mast.workflow.legacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command a unit runs, as systemd builds it from {@code ExecStart=}: the prefixes
 * ({@code -}, {@code @}, {@code +}, {@code !}, {@code :}) taken off, specifiers ({@code %n},
 * {@code %H}, {@code %%}) replaced, the words split with systemd's quoting, then {@code $FOO}
 * standing alone replaced by the variable's value split at whitespace (zero or more words) and
 * {@code ${FOO}} anywhere by its value as it is, within the one word.
 *
 * @param program the program's path, e.g. {@code /usr/local/bin/kube-apiserver}
 * @param args    the words after it
 */
public record UnitCommand(String program, List<String> args) {
    private static final Pattern BRACED = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern ALONE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    public UnitCommand {
        args = List.copyOf(args);
    }

    /**
     * @param environment the unit's variables: its {@code Environment=} lines, then its environment files over them
     */
    public static Optional<UnitCommand> of(String execStart, Map<String, String> environment, String unit, String hostName) {
        String line = execStart.strip();
        int prefixes = 0;
        while (prefixes < line.length() && "-@+!:".indexOf(line.charAt(prefixes)) >= 0) {
            prefixes++;
        }
        boolean ownArgv0 = line.substring(0, prefixes).contains("@");
        List<String> words = new ArrayList<>();
        for (SystemdWords.Word word : SystemdWords.split(specifiers(line.substring(prefixes), unit, hostName))) {
            Matcher alone = ALONE.matcher(word.text());
            if (!word.quoted() && alone.matches()) {
                String value = environment.getOrDefault(alone.group(1), "");
                for (String part : value.strip().split("\\s+")) {
                    if (!part.isEmpty()) {
                        words.add(part);
                    }
                }
            } else {
                words.add(braced(word.text(), environment));
            }
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        List<String> args = new ArrayList<>(words.subList(1, words.size()));
        if (ownArgv0 && !args.isEmpty()) {
            args.remove(0);
        }
        return Optional.of(new UnitCommand(words.get(0), args));
    }

    /** The unit's variables as systemd gives them to the command: Environment= lines, then environment files over them. */
    public static Map<String, String> environment(List<String> environmentLines, List<Map<String, String>> environmentFiles) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : environmentLines) {
            for (SystemdWords.Word word : SystemdWords.split(line)) {
                int eq = word.text().indexOf('=');
                if (eq > 0) {
                    environment.put(word.text().substring(0, eq), word.text().substring(eq + 1));
                }
            }
        }
        environmentFiles.forEach(environment::putAll);
        return environment;
    }

    private static String braced(String text, Map<String, String> environment) {
        Matcher matcher = BRACED.matcher(text.replace("$$", "\u0000"));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(environment.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(out);
        return out.toString().replace("\u0000", "$");
    }

    private static String specifiers(String text, String unit, String hostName) {
        String prefix = unit.contains(".") ? unit.substring(0, unit.lastIndexOf('.')) : unit;
        return text.replace("%%", "\u0001").replace("%n", unit).replace("%N", prefix).replace("%p", prefix)
                .replace("%H", hostName).replace("\u0001", "%");
    }

    /** The program's file name, e.g. {@code kube-apiserver}. */
    public String programName() {
        return program.substring(program.lastIndexOf('/') + 1);
    }
}
