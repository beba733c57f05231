package dev.mast.ui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mast.ui.common.MastStyles;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlHighlighterTest {

    private static List<Span> one(String line) {
        return YamlHighlighter.highlight(List.of(line)).get(0);
    }

    private static String styled(String line, String style) {
        StringBuilder text = new StringBuilder();
        for (Span span : one(line)) {
            if (span.styleClass().equals(style)) {
                text.append(line, span.start(), span.end()).append('|');
            }
        }
        return text.toString();
    }

    @Test
    void marksKeysAndTheirPlainValues() {
        assertEquals("name|", styled("  name: kube-apiserver", MastStyles.YAML_KEY));
        assertEquals("kube-apiserver|", styled("  name: kube-apiserver", MastStyles.YAML_PLAIN));
    }

    @Test
    void marksQuotedStringsNumbersAndLiterals() {
        assertEquals("\"30\"|", styled("audit-log-maxage: \"30\"", MastStyles.YAML_STRING));
        assertEquals("6443|", styled("port: 6443", MastStyles.YAML_NUMBER));
        assertEquals("true|", styled("readOnly: true", MastStyles.YAML_LITERAL));
    }

    @Test
    void marksListDashesAndKeysInsideListItems() {
        assertEquals("-|:|", styled("- mountPath: /etc/kubernetes/pki", MastStyles.YAML_PUNCTUATION));
        assertEquals("mountPath|", styled("- mountPath: /etc/kubernetes/pki", MastStyles.YAML_KEY));
    }

    @Test
    void aFlagInAListIsAValueNotAKey() {
        assertEquals("", styled("    - --etcd-servers=https://10.0.0.11:2379", MastStyles.YAML_KEY));
        assertEquals("--etcd-servers=https://10.0.0.11:2379|", styled("    - --etcd-servers=https://10.0.0.11:2379", MastStyles.YAML_PLAIN));
    }

    @Test
    void marksCommentsButNotAHashInsideAValue() {
        assertEquals("# why|", styled("port: 22 # why", MastStyles.YAML_COMMENT));
        assertEquals("", styled("url: http://x/#anchor", MastStyles.YAML_COMMENT));
        assertEquals("# a whole line|", styled("  # a whole line", MastStyles.YAML_COMMENT));
    }

    @Test
    void theBodyOfABlockScalarIsText() {
        var spans = YamlHighlighter.highlight(List.of("data: |", "  key: not a key", "  more", "next: 1"));

        assertEquals(List.of(new Span(2, 16, MastStyles.YAML_STRING)), spans.get(1));
        assertEquals(MastStyles.YAML_KEY, spans.get(3).get(0).styleClass());
    }

    @Test
    void spansNeverOverlapAndStayInsideTheLine() {
        for (String line : List.of("a: 'it''s': x", "key: \"unterminated", "- - nested", "-", "---", "x:")) {
            int end = 0;
            for (Span span : one(line)) {
                assertEquals(true, span.start() >= end && span.end() <= line.length(), line + " " + one(line));
                end = span.end();
            }
        }
    }
}
