package dev.mast.workflow.legacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a unit's value into words as systemd does: whitespace separates them, double or single
 * quotes (anywhere in a word) group, a backslash escapes the next character and, in quotes, stands
 * for C escapes ({@code \n}, {@code \t}).
 */
final class SystemdWords {
    /** A word and whether any part of it was quoted (a quoted {@code "$FOO"} is not split). */
    record Word(String text, boolean quoted) { }

    private SystemdWords() {
    }

    static List<Word> split(String value) {
        List<Word> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        char quote = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && i + 1 < value.length()) {
                    word.append(unescape(value.charAt(++i)));
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
                quoted = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(new Word(word.toString(), quoted));
                    word.setLength(0);
                    inWord = false;
                    quoted = false;
                }
            } else if (c == '\\' && i + 1 < value.length()) {
                word.append(value.charAt(++i));
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(new Word(word.toString(), quoted));
        }
        return words;
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> c;
        };
    }
}
