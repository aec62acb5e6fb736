package com.aimedia.gateway.simulators.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import com.sun.net.httpserver.HttpExchange;

/**
 * Reading requests and writing responses on an {@link HttpExchange}. The content type is
 * always the caller's: providers differ in it (e.g. {@code application/json} with or
 * without a charset), and that is part of the wire.
 */
public final class Exchanges {

    private Exchanges() {
    }

    /** The request body as UTF-8 text. */
    public static String bodyText(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        send(exchange, status, contentType, body, null);
    }

    /**
     * Writes the whole response; a {@code Retry-After} header (whole seconds) when
     * {@code retryAfter} is set.
     */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body,
            @Nullable Duration retryAfter) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfter.toSeconds()));
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

}
