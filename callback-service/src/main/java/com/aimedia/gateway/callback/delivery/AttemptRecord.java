package com.aimedia.gateway.callback.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP attempt as stored in {@code deliveries.attempts}.
 *
 * @param status the HTTP status, null when no response arrived
 * @param errorClass the exception class name when no response arrived (or the URL was
 * refused)
 * @param error a short reason (refused URLs), never a secret
 * @param responseBody the first 1 KB of the response body
 */
public record AttemptRecord(Instant at, @Nullable Integer status, long latencyMs, @Nullable String errorClass,
        @Nullable String error, @Nullable String responseBody) {
}
