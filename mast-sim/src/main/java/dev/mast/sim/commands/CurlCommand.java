package dev.mast.sim.commands;

import dev.mast.sim.machine.Network;
import dev.mast.sim.machine.Endpoint;
import dev.mast.sim.machine.Process;
import dev.mast.sim.shell.CommandException;
import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * curl against the simulated network: a URL reaches the component listening at that address
 * and port (on this node, or on another node by its address). Health paths answer
 * {@code ok}, or 500 while the component's peers reject it (an API server started with
 * {@code --anonymous-auth=false} answers a request without a client certificate with 401, as the
 * real one does); nothing listening is curl's exit 7; TLS is not verified but must be asked for
 * ({@code -k} or {@code --cacert}), as with the real tool against a self-signed server; with
 * {@code --retry N --retry-connrefused} a refused connection is tried again, {@code --retry-delay} apart.
 */
final class CurlCommand {
    private static final Set<String> VALUED = Set.of("max-time", "connect-timeout", "output", "write-out", "cacert", "cert", "key",
            "header", "request", "data", "retry", "retry-delay", "user", "resolve");

    private record Response(int status, String body) { }

    private CurlCommand() {
    }

    static void register(CommandTable table) {
        table.add("curl", "/usr/bin/curl", CommandTable.Gate.ALWAYS, CurlCommand::curl);
    }

    private static int curl(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "mowHXdEu", VALUED);
        boolean silent = args.has("s", "silent");
        boolean showErrors = !silent || args.has("S", "show-error");
        if (args.operands().isEmpty()) {
            throw new CommandException(2, "curl: no URL specified!");
        }
        URI uri;
        try {
            String text = args.operands().get(0);
            uri = URI.create(text.contains("://") ? text : "http://" + text);
        } catch (IllegalArgumentException e) {
            return error(inv, args, showErrors, 3, "URL using bad/illegal format or missing URL", 0);
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
        Network internet = inv.machine().cluster().internet();
        if (inv.machine().listenerAt(host, port).isEmpty() && (internet.knows(uri.toString()) || !isAddress(host))) {
            return download(inv, args, internet.get(inv.machine().identity().hostName(), uri.toString()), showErrors);
        }
        if (!host.equals("localhost") && !host.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") && !host.equals("::1")) {
            return error(inv, args, showErrors, 6, "Could not resolve host: " + host, 0);
        }
        // --retry N with --retry-connrefused: a refused connection is tried again N times, --retry-delay seconds apart.
        int retries = args.has("retry-connrefused") ? Integer.parseInt(args.value("retry").orElse("0")) : 0;
        long delayMillis = Math.round(Double.parseDouble(args.value("retry-delay").orElse("1")) * 1000);
        Optional<Process> listener = inv.machine().listenerAt(host, port);
        for (int attempt = 0; listener.isEmpty() && attempt < retries; attempt++) {
            Thread.sleep(delayMillis);
            listener = inv.machine().listenerAt(host, port);
        }
        if (listener.isEmpty()) {
            return error(inv, args, showErrors, 7, "Failed to connect to " + host + " port " + port + " after 0 ms: Couldn't connect to server",
                    0);
        }
        Endpoint endpoint = listener.get().endpoints().stream().filter(e -> e.port() == port).findFirst().orElseThrow();
        boolean https = uri.getScheme().equals("https");
        if (https && endpoint.scheme().equals("http")) {
            return error(inv, args, showErrors, 35, "OpenSSL/3.0.15: error:0A00010B:SSL routines::wrong version number", 0);
        }
        if (https && !args.has("k", "insecure", "cacert")) {
            return error(inv, args, showErrors, 60, "SSL certificate problem: unable to get local issuer certificate", 0);
        }
        Response response = !https && endpoint.scheme().equals("https")
                ? new Response(400, "Client sent an HTTP request to an HTTPS server.\n")
                : respond(listener.get(), endpoint, uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath(),
                        !args.has("E", "cert"));
        if (args.has("f", "fail") && response.status() >= 400) {
            return error(inv, args, showErrors, 22, "The requested URL returned error: " + response.status(), response.status());
        }
        String output = args.value("o", "output").orElse("-");
        if (output.equals("-")) {
            inv.out(response.body());
        } else if (!output.equals("/dev/null")) {
            inv.requireWritable(inv.path(output));
            inv.fs().write(inv.path(output), response.body().getBytes(StandardCharsets.UTF_8), 0644);
        }
        writeOut(inv, args, response.status(), 0);
        return 0;
    }

    private static boolean isAddress(String host) {
        return host.equals("localhost") || host.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") || host.equals("::1");
    }

    /** A URL of the internet or a mirror: its bytes to the output, or -I's status line; curl's exits for failures. */
    private static int download(Invocation inv, Args args, Network.Result result, boolean showErrors) throws Exception {
        if (result.failure().isPresent()) {
            return error(inv, args, showErrors, result.failure().get().curlExit(), result.failure().get().message(), 0);
        }
        Network.Response response = result.response().orElseThrow();
        if (args.has("f", "fail") && response.status() >= 400) {
            return error(inv, args, showErrors, 22, "The requested URL returned error: " + response.status(), response.status());
        }
        byte[] body = args.has("I", "head")
                ? ("HTTP/2 " + response.status() + "\r\ncontent-length: " + response.body().length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8)
                : response.body();
        String output = args.value("o", "output").orElse("-");
        if (output.equals("-")) {
            inv.io().out().write(body);
        } else if (!output.equals("/dev/null")) {
            inv.requireWritable(inv.path(output));
            inv.fs().write(inv.path(output), body, 0644);
        }
        writeOut(inv, args, response.status(), 0);
        return 0;
    }

    private static Response respond(Process process, Endpoint endpoint, String path, boolean anonymous) {
        if (anonymous && process.kind() == dev.mast.sim.machine.ComponentKind.KUBE_APISERVER
                && process.flags().get("anonymous-auth").orElse("true").equals("false")) {
            return new Response(401, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                    + "\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}\n");
        }
        if (endpoint.healthPaths().contains(path)) {
            java.util.Optional<String> problem = process.healthProblem();
            return problem.map(why -> new Response(500, "[-]peers failed: reason withheld\n" + path.substring(1) + " check failed: "
                    + why + "\n")).orElseGet(() -> new Response(200, endpoint.healthBody()));
        }
        if (path.equals("/version") && process.kind() == dev.mast.sim.machine.ComponentKind.KUBE_APISERVER) {
            String v = process.version();
            return new Response(200, "{\n  \"major\": \"1\",\n  \"minor\": \"" + v.replaceFirst("^v?\\d+\\.(\\d+).*", "$1")
                    + "\",\n  \"gitVersion\": \"" + v + "\",\n  \"platform\": \"linux/amd64\"\n}");
        }
        return new Response(404, "404 page not found\n");
    }

    /**
     * A failure: its message unless silent, and -w's figures (the response's status, 0 without one), which curl writes
     * out whether the transfer worked or not.
     */
    private static int error(Invocation inv, Args args, boolean show, int code, String message, int status) throws Exception {
        if (show) {
            inv.errLine("curl: (" + code + ") " + message);
        }
        writeOut(inv, args, status, code);
        return code;
    }

    /** -w's text with the response's status ({@code 000} without one) and curl's exit status in place of their variables. */
    private static void writeOut(Invocation inv, Args args, int status, int exit) throws Exception {
        Optional<String> writeOut = args.value("w", "write-out");
        if (writeOut.isPresent()) {
            String code = String.format("%03d", status);
            inv.out(Printf.escapes(writeOut.get().replace("%{http_code}", code).replace("%{response_code}", code)
                    .replace("%{exitcode}", String.valueOf(exit))));
        }
    }
}
