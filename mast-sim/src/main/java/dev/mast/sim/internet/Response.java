package dev.mast.sim.internet;

import java.nio.charset.StandardCharsets;

/** What a site answers to a GET: an HTTP status and a body. */
public record Response(int status, byte[] body) {
    public static Response ok(byte[] body) {
        return new Response(200, body);
    }

    public static Response ok(String body) {
        return ok(body.getBytes(StandardCharsets.UTF_8));
    }

    public static Response notFound() {
        return new Response(404, "404 page not found\n".getBytes(StandardCharsets.UTF_8));
    }
}
