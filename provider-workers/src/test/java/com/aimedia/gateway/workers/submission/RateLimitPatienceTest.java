package com.aimedia.gateway.workers.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** When a task the provider keeps refusing for its limit stops waiting its turn. */
class RateLimitPatienceTest {

    private static final Instant FIRST_REFUSED = Instant.parse("2026-01-15T12:00:00Z");

    private final RateLimitPatience patience = new RateLimitPatience(Duration.ofMinutes(30));

    @Test
    void should_wait_when_refused_for_less_than_the_patience() {
        RateLimitPatience.Decision decision = patience.decide(FIRST_REFUSED,
                FIRST_REFUSED.plus(Duration.ofMinutes(30).minusMillis(1)));

        assertThat(decision).isEqualTo(new RateLimitPatience.Decision.Wait(Duration.ofMinutes(30).minusMillis(1)));
    }

    @Test
    void should_wait_when_refused_for_the_first_time() {
        assertThat(patience.decide(FIRST_REFUSED, FIRST_REFUSED))
            .isEqualTo(new RateLimitPatience.Decision.Wait(Duration.ZERO));
    }

    @Test
    void should_give_up_saying_how_long_when_refused_for_the_patience_or_longer() {
        RateLimitPatience.Decision decision = patience.decide(FIRST_REFUSED,
                FIRST_REFUSED.plus(Duration.ofMinutes(61).plusSeconds(59)));

        assertThat(decision).isEqualTo(new RateLimitPatience.Decision.GiveUp(
                "The provider stayed over its rate or concurrency limit for 61 minutes (the patience is 30 minutes); "
                        + "gave up."));
    }

    @Test
    void should_describe_a_short_patience_in_seconds_or_milliseconds() {
        RateLimitPatience shortPatience = new RateLimitPatience(Duration.ofMillis(1500));

        RateLimitPatience.Decision decision = shortPatience.decide(FIRST_REFUSED, FIRST_REFUSED.plusSeconds(1));
        RateLimitPatience.Decision after = shortPatience.decide(FIRST_REFUSED, FIRST_REFUSED.plusSeconds(2));

        assertThat(decision).isInstanceOf(RateLimitPatience.Decision.Wait.class);
        assertThat(after).isEqualTo(new RateLimitPatience.Decision.GiveUp(
                "The provider stayed over its rate or concurrency limit for 2 seconds (the patience is 1 second); "
                        + "gave up."));
    }

}
