package com.aimedia.gateway.callback.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostLimiterTest {

    @Test
    void should_saturate_only_the_busy_host_when_its_limit_is_reached() {
        HostLimiter limiter = new HostLimiter(2);

        assertThat(limiter.tryAcquire("slow.example")).isTrue();
        assertThat(limiter.tryAcquire("slow.example")).isTrue();

        assertThat(limiter.tryAcquire("slow.example")).isFalse();
        assertThat(limiter.saturated()).containsExactly("slow.example");
        assertThat(limiter.tryAcquire("fast.example")).isTrue();
    }

    @Test
    void should_admit_the_host_again_when_an_attempt_finishes() {
        HostLimiter limiter = new HostLimiter(1);
        limiter.tryAcquire("a.example");

        limiter.release("a.example");

        assertThat(limiter.saturated()).isEmpty();
        assertThat(limiter.tryAcquire("a.example")).isTrue();
    }

}
