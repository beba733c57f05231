package dev.mast.sim.internet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Gzipped ustar archives, the form release tarballs come in: written for the sites, read by the nodes' {@code tar}. */
public final class Tarball {
    private static final int BLOCK = 512;

    /** One regular file of an archive. */
    public record Entry(String name, byte[] content, int mode) { }

    private Tarball() {
    }

    public static byte[] gzip(byte[] data) {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Decompresses gzip data; throws on data that is not gzip. */
    public static byte[] gunzip(byte[] data) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }

    public static byte[] write(List<Entry> entries) {
        var out = new ByteArrayOutputStream();
        for (Entry entry : entries) {
            byte[] header = new byte[BLOCK];
            put(header, 0, 100, entry.name());
            put(header, 100, 8, String.format("%07o", entry.mode()));
            put(header, 108, 8, "0000000");
            put(header, 116, 8, "0000000");
            put(header, 124, 12, String.format("%011o", entry.content().length));
            put(header, 136, 12, String.format("%011o", 1_700_000_000L));
            header[156] = '0';
            put(header, 257, 6, "ustar");
            put(header, 263, 2, "00");
            for (int i = 148; i < 156; i++) {
                header[i] = ' ';
            }
            int sum = 0;
            for (byte b : header) {
                sum += b & 0xff;
            }
            put(header, 148, 8, String.format("%06o", sum) + "\0 ");
            out.writeBytes(header);
            out.writeBytes(entry.content());
            out.writeBytes(new byte[(BLOCK - entry.content().length % BLOCK) % BLOCK]);
        }
        out.writeBytes(new byte[2 * BLOCK]);
        return gzip(out.toByteArray());
    }

    /** The regular files of a gzipped archive; throws when it is not one. */
    public static List<Entry> read(byte[] gzipped) throws IOException {
        byte[] data = gunzip(gzipped);
        List<Entry> entries = new ArrayList<>();
        int at = 0;
        while (at + BLOCK <= data.length && data[at] != 0) {
            String name = text(data, at, 100);
            int mode = Integer.parseInt(text(data, at + 100, 8).trim(), 8);
            int size = Integer.parseInt(text(data, at + 124, 12).trim(), 8);
            char type = (char) data[at + 156];
            at += BLOCK;
            if (at + size > data.length) {
                throw new IOException("unexpected end of archive");
            }
            if (type == '0' || type == 0) {
                byte[] content = new byte[size];
                System.arraycopy(data, at, content, 0, size);
                entries.add(new Entry(name, content, mode));
            }
            at += (size + BLOCK - 1) / BLOCK * BLOCK;
        }
        return entries;
    }

    private static void put(byte[] header, int offset, int length, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, Math.min(length, bytes.length));
    }

    private static String text(byte[] data, int offset, int length) {
        int end = offset;
        while (end < offset + length && data[end] != 0) {
            end++;
        }
        return new String(data, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
