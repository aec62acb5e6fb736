package com.aimedia.gateway.api.task;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * The {@code wait} preference of an RFC 7240 {@code Prefer} header
 * ({@code Prefer: wait=30}), as Replicate reads it: 1 to 60 seconds. Other preferences
 * are ignored, as RFC 7240 asks; a {@code wait} out of range names the header.
 */
final class PreferWait {

    static final int MAX_SECONDS = 60;

    private static final Pattern WAIT = Pattern.compile("(?:^|[;,\\s])wait\\s*=\\s*\"?([^\\s;,\"]*)\"?");

    private PreferWait() {
    }

    static Optional<Duration> parse(@Nullable String prefer) {
        if (prefer == null) {
            return Optional.empty();
        }
        Matcher matcher = WAIT.matcher(prefer.toLowerCase(Locale.ROOT));
        if (!matcher.find()) {
            return Optional.empty();
        }
        String value = matcher.group(1);
        if (value.matches("[0-9]{1,2}")) {
            int seconds = Integer.parseInt(value);
            if (seconds >= 1 && seconds <= MAX_SECONDS) {
                return Optional.of(Duration.ofSeconds(seconds));
            }
        }
        throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, "Prefer",
                "wait must be a whole number of seconds from 1 to " + MAX_SECONDS);
    }

}
