package com.aimedia.gateway.workers.provider.http;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The {@code Retry-After} header, read the way each provider's adapter was written
 * against it. The three readings differ on purpose (a date, a negative or a signed number
 * are treated differently) and are kept apart so that no provider's retry timing changes;
 * an unreadable header is always "no hint" ({@code null}), never an error.
 */
public final class RetryAfter {

    private static final String HEADER = "Retry-After";

    private RetryAfter() {
    }

    /**
     * Seconds (negative clamped to zero) or an RFC 1123 HTTP-date measured from
     * {@code clock} (past = zero).
     */
    public static @Nullable Duration secondsOrDate(HttpResponse<?> response, Clock clock) {
        Optional<String> header = response.headers().firstValue(HEADER);
        if (header.isEmpty()) {
            return null;
        }
        String value = header.get().trim();
        Duration seconds = seconds(value);
        if (seconds != null) {
            return seconds;
        }
        try {
            Duration until = Duration.between(clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        }
        catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /**
     * Any whole number of seconds {@link Long#parseLong} accepts, negative clamped to
     * zero; no dates.
     */
    public static @Nullable Duration seconds(HttpResponse<?> response) {
        return response.headers().firstValue(HEADER).map(value -> seconds(value.trim())).orElse(null);
    }

    /**
     * Only one to nine plain ASCII digits; a sign, a date or a longer number is ignored.
     */
    public static @Nullable Duration digits(HttpResponse<?> response) {
        return response.headers()
            .firstValue(HEADER)
            .map(String::trim)
            .filter(v -> v.matches("\\d{1,9}"))
            .map(v -> Duration.ofSeconds(Long.parseLong(v)))
            .orElse(null);
    }

    private static @Nullable Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        }
        catch (NumberFormatException notSeconds) {
            return null;
        }
    }

}
