package com.aimedia.gateway.workers.submission;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a task the provider refused for its rate or concurrency limit waits its turn or
 * fails: a provider account runs a limited number of jobs at once and answers 429 while
 * it is full, so a refusal only means the task is queued behind the account's running
 * jobs. The task waits for {@code patience} from its first refusal; only a provider that
 * stays over its limit that long fails it {@code rate_limited}.
 */
record RateLimitPatience(Duration patience) {

    Decision decide(Instant firstRefusedAt, Instant now) {
        Duration refusedFor = Duration.between(firstRefusedAt, now);
        if (refusedFor.compareTo(patience) < 0) {
            return new Decision.Wait(refusedFor);
        }
        return new Decision.GiveUp("The provider stayed over its rate or concurrency limit for " + describe(refusedFor)
                + " (the patience is " + describe(patience) + "); gave up.");
    }

    /** Whole minutes, or seconds, or milliseconds under a second, rounded down. */
    private static String describe(Duration duration) {
        if (duration.toMinutes() >= 1) {
            return plural(duration.toMinutes(), "minute");
        }
        if (duration.toSeconds() >= 1) {
            return plural(duration.toSeconds(), "second");
        }
        return plural(duration.toMillis(), "millisecond");
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }

    sealed interface Decision {

        /** Still within the patience: retry after the rate-limit back-off. */
        record Wait(Duration refusedFor) implements Decision {
        }

        /**
         * The provider stayed over its limit too long: fail the task with this message.
         */
        record GiveUp(String message) implements Decision {
        }

    }

}
