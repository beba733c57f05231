package dev.mast.sim.machine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The line formats real components write: klog (Kubernetes), etcd's JSON (zap) and logrus (containerd, Docker). */
public final class LogFormat {
    private static final DateTimeFormatter KLOG = DateTimeFormatter.ofPattern("MMdd HH:mm:ss.SSSSSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private LogFormat() {
    }

    /** {@code I1125 16:05:37.123456       1 server.go:142] msg}; severity is I, W, E or F. */
    public static String klog(char severity, Instant time, long thread, String source, String message) {
        return severity + KLOG.format(time) + String.format(Locale.ROOT, " %7d ", thread) + source + "] " + message;
    }

    /** etcd's JSON lines. */
    public static String zap(String level, Instant time, String caller, String message, String extraJson) {
        return "{\"level\":\"" + level + "\",\"ts\":\"" + ISO_MICROS.format(time) + "\",\"caller\":\"" + caller
                + "\",\"msg\":\"" + message.replace("\"", "\\\"") + "\"" + (extraJson.isEmpty() ? "" : "," + extraJson) + "}";
    }

    /** containerd's and Docker's {@code time="..." level=info msg="..."}. */
    public static String logrus(String level, Instant time, String message) {
        return "time=\"" + ISO_MICROS.format(time) + "\" level=" + level + " msg=\"" + message.replace("\"", "\\\"") + "\"";
    }
}
