package dev.mast.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The text of a YAML file Mast reads (a plan, a Kismatic file), checked before the parser sees
 * it: at most {@link #MAX_BYTES}, UTF-8, and only characters YAML allows. A bigger file is refused
 * before it is read; each refusal is one problem that says where (line and column, and the byte
 * offset of bad UTF-8).
 */
final class YamlText {
    /** Far more than a plan of thousands of nodes takes (about 150 bytes a node), far less than would strain memory. */
    static final int MAX_BYTES = 1 << 20;
    /** Far longer than any line a plan needs; see {@link #checkCharacters}. */
    static final int MAX_LINE = 1 << 16;

    private YamlText() {
    }

    static String read(String file, Path path) throws IOException {
        long size = Files.size(path);
        if (size > MAX_BYTES) {
            throw tooLarge(file, size + " bytes");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            // Not trusting the size: the file may grow meanwhile, or be a pipe or a device.
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(file, "more than " + MAX_BYTES + " bytes");
        }
        return decode(file, bytes);
    }

    static String read(String file, Reader reader) throws IOException {
        var text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
            text.append(buffer, 0, n);
            if (text.length() > MAX_BYTES) {
                throw tooLarge(file, "more than " + MAX_BYTES + " characters");
            }
        }
        return checkCharacters(file, text.toString());
    }

    static String decode(String file, byte[] bytes) throws PlanFileException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            String before = out.flip().toString();
            throw problem(at(file, before, before.length()), String.format("byte %d (0x%02X) is not UTF-8; Mast reads UTF-8 text"
                    + " only: save the file as UTF-8 (a text editor's \"Save with encoding\", or iconv -f latin1 -t utf-8)",
                    offset, bytes[offset] & 0xff));
        }
        return checkCharacters(file, out.flip().toString());
    }

    /**
     * The characters YAML allows are those SnakeYAML accepts; the first other one is located. Lines are
     * limited too: SnakeYAML reads ahead in steps of a kilobyte, copying what it has read each time, so
     * a token, comment or line of text of a megabyte cost it gigabytes and seconds.
     */
    private static String checkCharacters(String file, String text) throws PlanFileException {
        int lineStart = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!StreamReader.isPrintable(c)) {
                throw problem(at(file, text, i), String.format("the character U+%04X is not allowed in a YAML file; remove it"
                        + " (inside double quotes, write a control character as an escape such as \\t)", c));
            }
            i += Character.charCount(c);
            if (isLineBreak(text, i - 1)) {
                lineStart = i;
            } else if (i - lineStart > MAX_LINE) {
                throw problem(at(file, text, i - 1), "the line is longer than " + MAX_LINE + " characters; Mast reads lines of"
                        + " at most " + MAX_LINE + ": break it (a [list] or {mapping} may span lines)");
            }
        }
        return text;
    }

    /** The line and column of the character at {@code index}, lines counted as YAML counts them. */
    static Location at(String file, String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (isLineBreak(text, i)) {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(file, line, index - lineStart + 1);
    }

    /** Whether a line ends at this character: LF, CR not followed by LF, NEL, LS or PS. */
    private static boolean isLineBreak(String text, int i) {
        char c = text.charAt(i);
        return c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))
                || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static PlanFileException tooLarge(String file, String size) {
        return problem(new Location(file, 1, 1), "the file is " + size + "; Mast reads YAML files of at most " + MAX_BYTES
                + " bytes (1 MiB, a plan of thousands of nodes): is it the right file?");
    }

    private static PlanFileException problem(Location location, String message) {
        return new PlanFileException(location.file(), List.of(Problem.error("", message, Optional.of(location))));
    }
}
