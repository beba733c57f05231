package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SafeTextTest {
    @Test
    void textWithoutControlCharactersIsLeftAsItIs() {
        String text = "node001 ünïcödé 🚀 \\n stays";
        assertSame(text, SafeText.escape(text));
    }

    @Test
    void controlCharactersATerminalWouldObeyAreEscaped() {
        assertEquals("\\u001b]0;owned\\u0007", SafeText.escape("\u001b]0;owned\u0007"));
        assertEquals("a\\nb\\tc\\rd", SafeText.escape("a\nb\tc\rd"));
        assertEquals("\\u009b31m \\u007f \\u202e \\u2028", SafeText.escape("\u009b31m \u007f \u202e \u2028"));
    }

    @Test
    void aQuotedValueIsCutAfterSixtyCharactersAndSaysHowLongItWas() {
        assertEquals("\"short\"", SafeText.quote("short"));
        assertEquals("\"" + "x".repeat(80) + "\"", SafeText.quote("x".repeat(80)));
        assertEquals("\"" + "x".repeat(60) + "... (1000000 characters)\"", SafeText.quote("x".repeat(1_000_000)));
    }

    @Test
    void cuttingNeverSplitsACharacterInTwo() {
        String value = "x".repeat(59) + "🚀".repeat(20);
        assertEquals("\"" + "x".repeat(59) + "... (99 characters)\"", SafeText.quote(value));
    }

    @Test
    void textOfManyLinesKeepsItsLineEndsAndTabs() {
        assertEquals("one\ttab\r\ntwo \\u001b[2J\nthree\\r",
                SafeText.escapeKeepingLines("one\ttab\r\ntwo \u001b[2J\nthree\r"));
    }
}
