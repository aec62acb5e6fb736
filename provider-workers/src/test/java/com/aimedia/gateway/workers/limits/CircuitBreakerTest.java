package com.aimedia.gateway.workers.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.testsupport.MutableClock;
import com.aimedia.gateway.workers.limits.CircuitBreaker.State;

class CircuitBreakerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T12:00:00Z"));

    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), clock);

    @Test
    void should_stay_closed_when_failures_are_fewer_than_the_threshold() {
        fail(2);

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire()).isEmpty();
    }

    @Test
    void should_open_when_failures_reach_the_threshold_in_a_row() {
        fail(3);

        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    @Test
    void should_count_only_consecutive_failures_when_a_success_comes_between() {
        fail(2);
        breaker.tryAcquire();
        breaker.onSuccess();
        fail(2);

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void should_refuse_with_the_time_left_when_open() {
        fail(3);
        clock.advance(Duration.ofSeconds(10));

        assertThat(breaker.tryAcquire()).contains(Duration.ofSeconds(20));
    }

    @Test
    void should_let_one_trial_call_through_when_open_for_long_enough() {
        fail(3);
        clock.advance(Duration.ofSeconds(30));

        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isEmpty();
        assertThat(breaker.tryAcquire()).isPresent();
    }

    @Test
    void should_close_when_the_trial_call_succeeds() {
        fail(3);
        clock.advance(Duration.ofSeconds(30));
        breaker.tryAcquire();

        breaker.onSuccess();

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire()).isEmpty();
        assertThat(breaker.tryAcquire()).isEmpty();
    }

    @Test
    void should_open_again_for_the_full_time_when_the_trial_call_fails() {
        fail(3);
        clock.advance(Duration.ofSeconds(30));
        breaker.tryAcquire();

        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire()).contains(Duration.ofSeconds(30));
    }

    @Test
    void should_allow_another_trial_when_the_trial_call_told_nothing() {
        fail(3);
        clock.advance(Duration.ofSeconds(30));
        breaker.tryAcquire();

        breaker.onNeutral();

        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isEmpty();
    }

    @Test
    void should_report_gauge_values_per_state() {
        assertThat(State.CLOSED.gaugeValue()).isZero();
        assertThat(State.HALF_OPEN.gaugeValue()).isEqualTo(0.5);
        assertThat(State.OPEN.gaugeValue()).isEqualTo(1);
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquire()).isEmpty();
            breaker.onFailure();
        }
    }

}
