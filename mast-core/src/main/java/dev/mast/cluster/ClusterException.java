package dev.mast.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/**
 * A call to the API server failed. The message is one sentence saying what was being done, where,
 * and what happened; {@link #unreachable()} tells a server that did not answer from one that said no.
 */
public final class ClusterException extends Exception {
    private final String action;
    private final boolean unreachable;
    private final int httpStatus;

    public ClusterException(String action, String message, boolean unreachable, int httpStatus, Throwable cause) {
        super(message, cause);
        this.action = action;
        this.unreachable = unreachable;
        this.httpStatus = httpStatus;
    }

    /** Wraps a client failure: "Listing pods in kube-system at https://…: connection refused." */
    public static ClusterException of(String action, String server, Throwable error) {
        boolean unreachable = isUnreachable(error);
        int status = error instanceof KubernetesClientException k ? k.getCode() : 0;
        String what = unreachable ? "the API server did not answer (" + rootMessage(error) + ")"
                : status == 404 ? "not found"
                : status == 401 || status == 403 ? "access denied (HTTP " + status + ")"
                : rootMessage(error);
        String text = Character.toUpperCase(action.charAt(0)) + action.substring(1) + " at " + server + ": " + what + ".";
        return new ClusterException(action, text, unreachable, status, error);
    }

    /**
     * True when the error is a network failure: refused, timed out, no route, unknown host, or a
     * connection closed before any answer (a load balancer in front of API servers that are all
     * down accepts a connection and closes it).
     */
    public static boolean isUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof SocketTimeoutException || cause instanceof UnknownHostException
                    || cause instanceof TimeoutException || cause instanceof ClosedChannelException
                    || cause.getClass().getName().endsWith("AnnotatedConnectException")
                    || cause.getClass().getName().endsWith("HttpClosedException")) {
                return true;
            }
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (cause instanceof IOException && (message.contains("connection refused") || message.contains("connection reset")
                    || message.contains("remote host terminated the handshake"))) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (root instanceof ClosedChannelException || root.getClass().getName().endsWith("HttpClosedException")
                || message != null && message.toLowerCase(java.util.Locale.ROOT).contains("remote host terminated the handshake")) {
            return "the connection was closed without an answer";
        }
        if (message == null || message.isBlank()) {
            return root.getClass().getSimpleName();
        }
        // Netty prefixes the address to "Connection refused"; keep only the reason.
        int colon = message.indexOf(": ");
        return message.toLowerCase(java.util.Locale.ROOT).startsWith("connection refused") && colon > 0
                ? "connection refused" : message;
    }

    public String action() {
        return action;
    }

    public boolean unreachable() {
        return unreachable;
    }

    public boolean notFound() {
        return httpStatus == 404;
    }
}
