package dev.mast.manifest;

import java.util.List;

/** Flag values that break naive quoting in YAML, in systemd unit files, or both. */
final class PathologicalValues {
    private PathologicalValues() {
    }

    static final List<String> ALL = List.of(
            "has spaces",
            "  leading and trailing spaces  ",
            "double \"quotes\" and 'single' ones",
            "key: value",
            "# not a comment",
            "value # not a comment either",
            "line one\nline two",
            "trailing newline\n",
            "\n",
            "crlf\r\nline",
            "tab\there",
            "ünïcödé ✓ 日本語 😀",
            "-leading-dash",
            "--double-leading-dash",
            "*",
            "*.example.com",
            "{json: [1, 2]}",
            "[a, b]",
            "&anchor *alias",
            "!tag value",
            "| pipe > fold",
            "@at `backtick`",
            "100% $HOME ${PATH} $$ %n %%",
            "back\\slash \\n not a newline \\",
            "semi; colon ;",
            "null",
            "true",
            "~",
            "0x1F",
            "1e3",
            "",
            "=",
            "a=b,c=d",
            "first\n  indented second",
            " leading space\nsecond",
            "trailing space \nsecond",
            "a\n\n\nb",
            "\n\nleading newlines",
            "ends with newlines\n\n",
            "tab\n\tafter newline",
            "bell\nand\u0007 on the next line",
            "\u00a0no-break space\u00a0",
            "a long value that an emitter might fold: " + "word ".repeat(40) + "end",
            "x".repeat(300),
            "\uFEFFbyte order mark",
            "bell\u0007 and delete\u007f");
}
