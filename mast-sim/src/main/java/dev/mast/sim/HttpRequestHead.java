package dev.mast.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The head of one HTTP/1.1 request as it came over the wire, and how much body follows it: what
 * {@link ApiProxy} needs to pass requests on one at a time and answer some of them itself.
 *
 * @param raw     the head's bytes, to forward unchanged
 * @param headers lower-case names
 */
record HttpRequestHead(byte[] raw, String method, String target, Map<String, String> headers) {
    private static final int MAX_HEAD = 64 * 1024;

    /** The next request's head, or null when the client closed the connection between requests. */
    static HttpRequestHead read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("the connection closed in the middle of a request head");
            }
            head.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
            if (head.size() > MAX_HEAD) {
                throw new IOException("a request head longer than " + MAX_HEAD + " bytes");
            }
        }
        byte[] raw = head.toByteArray();
        String[] lines = new String(raw, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] request = lines[0].split(" ");
        if (request.length != 3) {
            throw new IOException("not an HTTP request line: " + lines[0]);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return new HttpRequestHead(raw, request[0], request[1], headers);
    }

    String path() {
        return URI.create(target).getRawPath();
    }

    /** The query's parameters, decoded; the last value of a repeated one. */
    Map<String, String> query() {
        Map<String, String> values = new LinkedHashMap<>();
        String query = URI.create(target).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** A WebSocket (or other) upgrade: after it, the connection carries no more HTTP requests. */
    boolean upgrade() {
        return headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT).contains("upgrade");
    }

    /** Copies this request's body from {@code in} to {@code out}, as framed by Content-Length or chunked encoding. */
    void copyBody(InputStream in, OutputStream out) throws IOException {
        if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            copyChunks(in, out);
        } else {
            copy(in, out, Long.parseLong(headers.getOrDefault("content-length", "0").trim()));
        }
    }

    private static void copyChunks(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = line(in, out);
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                // Trailers, up to an empty line.
                while (!line(in, out).isEmpty()) {
                    continue;
                }
                return;
            }
            copy(in, out, size);
            line(in, out);
        }
    }

    /** Reads and forwards one CRLF-terminated line, returning it without the CRLF. */
    private static String line(InputStream in, OutputStream out) throws IOException {
        StringBuilder text = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            out.write(b);
            if (b == '\n') {
                int end = text.length() > 0 && text.charAt(text.length() - 1) == '\r' ? text.length() - 1 : text.length();
                return text.substring(0, end);
            }
            text.append((char) b);
        }
        throw new IOException("the connection closed in the middle of a chunked body");
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[16384];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the connection closed in the middle of a request body");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
