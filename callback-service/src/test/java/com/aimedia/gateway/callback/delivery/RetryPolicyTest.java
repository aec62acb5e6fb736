package com.aimedia.gateway.callback.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.callback.delivery.AttemptResult.NoResponse;
import com.aimedia.gateway.callback.delivery.AttemptResult.Refused;
import com.aimedia.gateway.callback.delivery.AttemptResult.Responded;
import com.aimedia.gateway.callback.delivery.AttemptResult.TimedOut;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10));

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private RetryPolicy policy(double jitter) {
        return new RetryPolicy(SCHEDULE, jitter, Duration.ofSeconds(30), clock, new Random(42));
    }

    @Test
    void should_deliver_only_when_status_is_2xx() {
        RetryPolicy policy = policy(0.2);

        assertThat(policy.decide(new Responded(200, null, ""), 1)).isInstanceOf(Outcome.Delivered.class);
        assertThat(policy.decide(new Responded(204, null, ""), 1)).isInstanceOf(Outcome.Delivered.class);
        assertThat(policy.decide(new Responded(302, null, ""), 1)).isInstanceOf(Outcome.Retry.class);
        assertThat(policy.decide(new Responded(400, null, ""), 1)).isInstanceOf(Outcome.Retry.class);
        assertThat(policy.decide(new Responded(503, null, ""), 1)).isInstanceOf(Outcome.Retry.class);
    }

    @Test
    void should_stop_when_receiver_answers_410_or_url_is_refused() {
        RetryPolicy policy = policy(0.2);

        assertThat(policy.decide(new Responded(410, null, ""), 1)).isInstanceOf(Outcome.Gone.class);
        assertThat(policy.decide(new Refused("private address"), 1)).isInstanceOf(Outcome.Refused.class);
    }

    @Test
    void should_follow_the_schedule_exactly_when_jitter_is_zero() {
        RetryPolicy policy = policy(0.0);

        for (int attempt = 1; attempt <= SCHEDULE.size(); attempt++) {
            Outcome outcome = policy.decide(new Responded(500, null, ""), attempt);
            assertThat(outcome).isEqualTo(new Outcome.Retry(NOW.plus(SCHEDULE.get(attempt - 1))));
        }
    }

    @Test
    void should_fail_when_the_last_scheduled_attempt_fails() {
        RetryPolicy policy = policy(0.2);

        assertThat(policy.decide(new Responded(500, null, ""), SCHEDULE.size() + 1))
            .isInstanceOf(Outcome.Exhausted.class);
        assertThat(policy.decide(new NoResponse("ConnectException", ""), SCHEDULE.size() + 1))
            .isInstanceOf(Outcome.Exhausted.class);
    }

    @Test
    void should_stay_within_20_percent_and_vary_when_jitter_is_applied() {
        RetryPolicy policy = policy(0.2);
        Duration base = Duration.ofMinutes(5);

        List<Duration> delays = java.util.stream.IntStream.range(0, 200)
            .mapToObj(i -> policy.delay(2, false, null, NOW))
            .toList();

        assertThat(delays).allSatisfy(delay -> assertThat(delay).isBetween(Duration.ofMillis(base.toMillis() * 8 / 10),
                Duration.ofMillis(base.toMillis() * 12 / 10)));
        assertThat(delays.stream().distinct().count()).isGreaterThan(100);
        assertThat(delays.stream().anyMatch(delay -> delay.compareTo(base) < 0)).isTrue();
        assertThat(delays.stream().anyMatch(delay -> delay.compareTo(base) > 0)).isTrue();
    }

    @Test
    void should_repeat_the_same_delays_when_random_is_seeded_alike() {
        RetryPolicy first = policy(0.2);
        RetryPolicy second = policy(0.2);

        assertThat(first.delay(3, false, null, NOW)).isEqualTo(second.delay(3, false, null, NOW));
    }

    @Test
    void should_clamp_retry_after_seconds_to_between_one_and_two_scheduled_delays() {
        RetryPolicy policy = policy(0.2);

        // attempt 2 is scheduled after 5 minutes
        assertThat(policy.delay(2, false, "1", NOW)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.delay(2, false, "420", NOW)).isEqualTo(Duration.ofMinutes(7));
        assertThat(policy.delay(2, false, "3600", NOW)).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.delay(2, false, "99999999999999999999", NOW)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void should_honour_retry_after_http_date_within_the_clamp() {
        RetryPolicy policy = policy(0.2);

        // NOW is Sun, 01 Mar 2026 12:00:00 GMT
        assertThat(policy.delay(2, false, "Sun, 01 Mar 2026 12:08:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(8));
        assertThat(policy.delay(2, false, "Sun, 01 Mar 2026 11:00:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.delay(2, false, "Mon, 02 Mar 2026 12:00:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void should_use_the_jittered_schedule_when_retry_after_is_malformed() {
        Duration delay = policy(0.2).delay(2, false, "soon", NOW);

        assertThat(delay).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));
    }

    @Test
    void should_wait_at_least_the_throttle_backoff_when_receiver_answers_429_or_times_out() {
        RetryPolicy policy = policy(0.0);

        assertThat(policy.decide(new Responded(429, null, ""), 1)).isEqualTo(new Outcome.Retry(NOW.plusSeconds(30)));
        assertThat(policy.decide(new TimedOut("HttpTimeoutException"), 1))
            .isEqualTo(new Outcome.Retry(NOW.plusSeconds(30)));
        assertThat(policy.decide(new Responded(500, null, ""), 1)).isEqualTo(new Outcome.Retry(NOW.plusSeconds(5)));
        // a longer scheduled delay is kept
        assertThat(policy.decide(new Responded(429, null, ""), 2))
            .isEqualTo(new Outcome.Retry(NOW.plus(Duration.ofMinutes(5))));
        // Retry-After is clamped around the throttle back-off, not the shorter schedule
        // entry
        assertThat(policy.delay(1, true, "1", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delay(1, true, "600", NOW)).isEqualTo(Duration.ofSeconds(60));
    }

}
