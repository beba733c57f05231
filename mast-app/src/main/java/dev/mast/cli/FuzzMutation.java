package dev.mast.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twenty ways to spoil a YAML file, as the hostile-input probe of Mast did: numbers of any length,
 * control characters raw and escaped, bytes that are not UTF-8, aliases that expand to gigabytes,
 * nesting thousands deep, values and lines of megabytes, and the everyday damage of editing by hand
 * (cut files, bad indentation, wrong kinds, stray syntax). Each works on the text of a valid file and
 * returns the spoilt bytes.
 */
enum FuzzMutation {
    LONG_NUMBERS {
        @Override
        byte[] apply(String text, Random random) {
            Value at = pickValue(text, random);
            String value = Pattern.compile("\\d+").matcher(at.value()).replaceAll(m -> digits(random, 10 + random.nextInt(60)));
            value = value.equals(at.value()) ? value + "." + digits(random, 10 + random.nextInt(60)) : value;
            value = random.nextInt(4) == 0 ? "-" + value : value;
            return utf8(text.substring(0, at.start()) + value + text.substring(at.end()));
        }
    },
    ESCAPED_CONTROLS {
        @Override
        byte[] apply(String text, Random random) {
            String[] escapes = {"\\e]0;owned\\a", "\\e[2J", "\\n", "\\r", "\\t", "\\0", "\\x9b31m", "\\u202e", "\\u2028", "\\x7f"};
            var value = new StringBuilder("\"");
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                value.append(random.nextBoolean() ? "node" : "").append(escapes[random.nextInt(escapes.length)]);
            }
            return utf8(replaceValue(text, random, value.append('"').toString()));
        }
    },
    RAW_CONTROLS {
        @Override
        byte[] apply(String text, Random random) {
            byte[] bytes = utf8(text);
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                int c = random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x20) : random.nextInt(0x20);
                bytes = insert(bytes, random.nextInt(bytes.length + 1), utf8(new String(Character.toChars(c == '\n' ? 0x1b : c))));
            }
            return bytes;
        }
    },
    NOT_UTF8 {
        @Override
        byte[] apply(String text, Random random) {
            byte[][] sequences = {{(byte) 0xe9}, {(byte) 0xc3, 0x28}, {(byte) 0xff}, {(byte) 0xc0, (byte) 0xaf},
                    {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xe2, (byte) 0x82}};
            byte[] bytes = utf8(text);
            byte[] bad = sequences[random.nextInt(sequences.length)];
            return random.nextInt(5) == 0 ? insert(bytes, bytes.length, bad) : insert(bytes, random.nextInt(bytes.length), bad);
        }
    },
    ALIASED_SCALAR {
        @Override
        byte[] apply(String text, Random random) {
            String anchored = replaceValue(text, random, "&big " + "x".repeat(logUniform(random, 1_000_000)));
            int aliases = logUniform(random, 20_000);
            String list = "[" + String.join(", ", Collections.nCopies(aliases, "*big")) + "]";
            return utf8(anchored + "\nrepeated: " + list + "\n");
        }
    },
    ALIAS_LAUGHS {
        @Override
        byte[] apply(String text, Random random) {
            int width = 2 + random.nextInt(9);
            var laughs = new StringBuilder("lol0: &lol0 [lol]\n");
            int levels = 3 + random.nextInt(30);
            for (int i = 1; i <= levels; i++) {
                laughs.append("lol").append(i).append(": &lol").append(i).append(" [")
                        .append(String.join(", ", Collections.nCopies(width, "*lol" + (i - 1)))).append("]\n");
            }
            return utf8(laughs + replaceValue(text, random, "*lol" + levels));
        }
    },
    SELF_ALIAS {
        @Override
        byte[] apply(String text, Random random) {
            String[] forms = {"&r [*r]", "&r {a: *r}", "&r [a, [b, *r]]", "*undefined", "&a x", "&" + "a".repeat(50_000) + " x"};
            String spoilt = replaceValue(text, random, forms[random.nextInt(forms.length)]);
            return utf8(random.nextBoolean() ? spoilt : spoilt + "*r: key\n&a again: *a\n");
        }
    },
    DEEP_NESTING {
        @Override
        byte[] apply(String text, Random random) {
            int depth = logUniform(random, 20_000);
            String value = switch (random.nextInt(3)) {
                case 0 -> "[".repeat(depth) + "]".repeat(depth);
                case 1 -> "{a: ".repeat(depth) + "b" + "}".repeat(depth);
                default -> "\n" + blockNesting(Math.min(depth, 2_000));
            };
            return utf8(replaceValue(text, random, value));
        }
    },
    HUGE_VALUE {
        @Override
        byte[] apply(String text, Random random) {
            int size = random.nextInt(20) == 0 ? 10_000_000 + random.nextInt(2_000_000) : 500_000 + random.nextInt(1_500_000);
            String value = "v".repeat(size);
            return utf8(replaceValue(text, random, random.nextBoolean() ? value : "\"" + value + "\""));
        }
    },
    MANY_VALUES {
        @Override
        byte[] apply(String text, Random random) {
            if (random.nextBoolean()) {
                String separator = random.nextBoolean() ? ", " : ",\n ";
                return utf8(replaceValue(text, random, "[" + ("1" + separator).repeat(logUniform(random, 300_000)) + "1]"));
            }
            // Thousands of nodes in the first list of nodes, in the file's own shape: a plan's or a Kismatic group's.
            Matcher item = Pattern.compile("(?m)^( *)- ").matcher(text);
            int at = item.find() ? item.start() : text.length();
            String indent = at < text.length() ? item.group(1) : "  ";
            boolean plan = text.contains("hostName:");
            var nodes = new StringBuilder();
            for (int i = 1_000 + random.nextInt(2_000); i > 0; i--) {
                String address = (i / 250) + "." + (i % 250 + 1);
                nodes.append(indent).append(plan ? "- {hostName: n" : "- {host: n").append(i).append(", ip: 10.1.").append(address)
                        .append(plan ? ", roles: [worker]}\n" : ", internalip: 10.2." + address + "}\n");
            }
            return utf8(text.substring(0, at) + nodes + text.substring(at));
        }
    },
    LONG_LINE {
        @Override
        byte[] apply(String text, Random random) {
            String word = "w".repeat(logUniform(random, 900_000));
            return utf8(switch (random.nextInt(3)) {
                case 0 -> "#" + word + "\n" + text;
                case 1 -> text + "\n" + word + ": key\n";
                default -> replaceValue(text, random, "\"" + word + "\"");
            });
        }
    },
    CUT_SHORT {
        @Override
        byte[] apply(String text, Random random) {
            byte[] bytes = utf8(text);
            return Arrays.copyOf(bytes, random.nextInt(bytes.length));
        }
    },
    FLIPPED_BYTES {
        @Override
        byte[] apply(String text, Random random) {
            byte[] bytes = utf8(text);
            for (int i = 1 + random.nextInt(10); i > 0; i--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            return bytes;
        }
    },
    SHUFFLED_LINES {
        @Override
        byte[] apply(String text, Random random) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            for (int i = 1 + random.nextInt(4); i > 0 && lines.size() > 1; i--) {
                int at = random.nextInt(lines.size());
                switch (random.nextInt(3)) {
                    case 0 -> lines.remove(at);
                    case 1 -> lines.add(at, lines.get(at));
                    default -> lines.add(random.nextInt(lines.size()), lines.remove(at));
                }
            }
            return utf8(String.join("\n", lines));
        }
    },
    BAD_INDENTATION {
        @Override
        byte[] apply(String text, Random random) {
            String[] lines = text.split("\n", -1);
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                int at = random.nextInt(lines.length);
                lines[at] = switch (random.nextInt(3)) {
                    case 0 -> " ".repeat(1 + random.nextInt(4)) + lines[at];
                    case 1 -> lines[at].replaceFirst("^ {1,4}", "");
                    default -> lines[at].replaceFirst("^ {2}", "\t");
                };
            }
            return utf8(String.join("\n", lines));
        }
    },
    WRONG_KINDS {
        @Override
        byte[] apply(String text, Random random) {
            String[] values = {"[a, b]", "{a: b}", "~", "\"\"", "null", "true", "-1", ".inf", "0x1F", "0o17", "1_000", "[]", "{}",
                "|\n  block\n  text", ">-\n  folded", "2001-12-14t21:59:43.10-05:00", "[[1, 2], {x: y}]"};
            return utf8(replaceValue(text, random, values[random.nextInt(values.length)]));
        }
    },
    ODD_KEYS {
        @Override
        byte[] apply(String text, Random random) {
            String[] keys = {"? [complex, key]\n: value", "<<: {merged: key}", "~: nothing", "\"\": empty", "123: number",
                "HostName: node", "clüster: x", "k".repeat(100_000) + ": long", "cluster: again", "? \n: empty key"};
            String key = keys[random.nextInt(keys.length)];
            int at = pickValue(text, random).lineStart();
            String indent = text.substring(at).replaceFirst("(?s)^( *(- )?).*", "$1").replace("-", " ");
            return utf8(text.substring(0, at) + indent + key.replace("\n", "\n" + indent) + "\n" + text.substring(at));
        }
    },
    TAGS {
        @Override
        byte[] apply(String text, Random random) {
            String[] tags = {"!!java.net.URL [\"http://example.invalid/\"]", "!!binary aGVsbG8=", "!!float 1.5", "!!set {a, b}",
                "!!omap [a: 1]", "!<tag:yaml.org,2002:str> x", "!custom x", "!!python/object:os.system x", "!!int 99999999999999999999"};
            return utf8(replaceValue(text, random, tags[random.nextInt(tags.length)]));
        }
    },
    DOCUMENT_MARKERS {
        @Override
        byte[] apply(String text, Random random) {
            return utf8(switch (random.nextInt(7)) {
                case 0 -> "%YAML 1.1\n---\n" + text;
                case 1 -> "%YAML 2.0\n---\n" + text;
                case 2 -> "%TAG ! tag:example.com,2000:\n---\n" + text;
                case 3 -> text + "\n---\nsecond: document\n";
                case 4 -> text + "\n...\n";
                case 5 -> "\uFEFF" + text.replaceFirst("\n", "\n\uFEFF");
                default -> random.nextBoolean() ? "" : "# only a comment\n";
            });
        }
    },
    BROKEN_SYNTAX {
        @Override
        byte[] apply(String text, Random random) {
            String[] values = {"[unclosed", "{unclosed: x", "\"unclosed", "'unclosed", "]", "}", ": colon", "- item", "? key",
                "|9\n x", ">-+\n x", "&", "*", "@at", "`tick", "a: b: c", "\"bad \\q escape\"", "%percent"};
            return utf8(replaceValue(text, random, values[random.nextInt(values.length)]));
        }
    };

    private static final Pattern VALUE = Pattern.compile("(?m)^( *(?:- )?[A-Za-z_][A-Za-z_-]*: *)([^\\s#][^\\n]*)$");

    /** The spoilt bytes of a file whose text is {@code text}. */
    abstract byte[] apply(String text, Random random);

    private record Value(int lineStart, int start, int end, String value) { }

    /** A {@code key: value} line's value; the end of the text if there is none (a file already spoilt). */
    private static Value pickValue(String text, Random random) {
        Matcher m = VALUE.matcher(text);
        List<Value> values = new ArrayList<>();
        while (m.find()) {
            values.add(new Value(m.start(), m.start(2), m.end(2), m.group(2)));
        }
        return values.isEmpty() ? new Value(text.length(), text.length(), text.length(), "")
                : values.get(random.nextInt(values.size()));
    }

    private static String replaceValue(String text, Random random, String value) {
        Value at = pickValue(text, random);
        return text.substring(0, at.start()) + value + text.substring(at.end());
    }

    private static String blockNesting(int depth) {
        var nested = new StringBuilder();
        for (int i = 1; i <= depth; i++) {
            nested.append(" ".repeat(Math.min(i, 200) * 2)).append("- \n");
        }
        return nested.toString();
    }

    private static String digits(Random random, int count) {
        var digits = new StringBuilder().append((char) ('1' + random.nextInt(9)));
        while (digits.length() < count) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /** A size between 1 and {@code max}, small ones as likely as large ones. */
    private static int logUniform(Random random, int max) {
        return (int) Math.max(1, Math.round(Math.exp(random.nextDouble() * Math.log(max))));
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        byte[] result = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
        return result;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
