package com.aimedia.gateway.workers.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ConcurrencyLimitTest {

    private final ConcurrencyLimit limit = new ConcurrencyLimit(2);

    @Test
    void should_refuse_a_call_when_all_slots_are_taken() {
        assertThat(limit.tryAcquire(Duration.ZERO)).isTrue();
        assertThat(limit.tryAcquire(Duration.ZERO)).isTrue();

        assertThat(limit.tryAcquire(Duration.ZERO)).isFalse();
    }

    @Test
    void should_admit_a_call_again_when_a_slot_is_released() {
        limit.tryAcquire(Duration.ZERO);
        limit.tryAcquire(Duration.ZERO);

        limit.release();

        assertThat(limit.tryAcquire(Duration.ZERO)).isTrue();
        assertThat(limit.tryAcquire(Duration.ZERO)).isFalse();
    }

}
