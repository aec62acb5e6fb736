package com.aimedia.gateway.workers.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.testsupport.MutableClock;

class TokenBucketTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T12:00:00Z"));

    @Test
    void should_grant_a_full_bucket_at_once_when_idle() {
        TokenBucket bucket = new TokenBucket(4, clock);

        for (int i = 0; i < 4; i++) {
            assertThat(bucket.reserve(Duration.ZERO)).isEqualTo(new TokenBucket.Reservation(true, Duration.ZERO));
        }
        TokenBucket.Reservation fifth = bucket.reserve(Duration.ZERO);

        assertThat(fifth.granted()).isFalse();
        assertThat(fifth.delay()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void should_refill_at_the_configured_rate_when_time_passes() {
        TokenBucket bucket = new TokenBucket(4, clock);
        for (int i = 0; i < 4; i++) {
            bucket.reserve(Duration.ZERO);
        }

        clock.advance(Duration.ofMillis(500));

        assertThat(bucket.reserve(Duration.ZERO).granted()).isTrue();
        assertThat(bucket.reserve(Duration.ZERO).granted()).isTrue();
        assertThat(bucket.reserve(Duration.ZERO).granted()).isFalse();
    }

    @Test
    void should_never_hold_more_than_its_capacity_when_idle_for_long() {
        TokenBucket bucket = new TokenBucket(2, clock);

        clock.advance(Duration.ofHours(1));

        assertThat(bucket.reserve(Duration.ZERO).granted()).isTrue();
        assertThat(bucket.reserve(Duration.ZERO).granted()).isTrue();
        assertThat(bucket.reserve(Duration.ZERO).granted()).isFalse();
    }

    @Test
    void should_reserve_ahead_and_queue_callers_when_a_token_is_due_within_the_wait() {
        TokenBucket bucket = new TokenBucket(2, clock);
        bucket.reserve(Duration.ZERO);
        bucket.reserve(Duration.ZERO);

        TokenBucket.Reservation first = bucket.reserve(Duration.ofSeconds(1));
        TokenBucket.Reservation second = bucket.reserve(Duration.ofSeconds(1));
        TokenBucket.Reservation third = bucket.reserve(Duration.ofSeconds(1));

        assertThat(first).isEqualTo(new TokenBucket.Reservation(true, Duration.ofMillis(500)));
        assertThat(second).isEqualTo(new TokenBucket.Reservation(true, Duration.ofSeconds(1)));
        assertThat(third).isEqualTo(new TokenBucket.Reservation(false, Duration.ofMillis(1500)));
    }

    @Test
    void should_allow_one_call_per_interval_when_the_rate_is_below_one_per_second() {
        TokenBucket bucket = new TokenBucket(0.5, clock);

        assertThat(bucket.reserve(Duration.ZERO).granted()).isTrue();
        TokenBucket.Reservation next = bucket.reserve(Duration.ZERO);
        clock.advance(Duration.ofSeconds(2));

        assertThat(next.delay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(bucket.reserve(Duration.ZERO).granted()).isTrue();
    }

}
