package com.aimedia.gateway.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void should_give_nearest_rank_percentiles_when_samples_are_unsorted() {
        // given
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L;
        }

        // when
        Latencies latencies = Latencies.of(nanos);

        // then
        assertThat(latencies.percentile(50)).isEqualTo(Duration.ofMillis(50));
        assertThat(latencies.percentile(99)).isEqualTo(Duration.ofMillis(99));
        assertThat(latencies.percentile(100)).isEqualTo(Duration.ofMillis(100));
        assertThat(latencies.percentile(0.1)).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void should_give_zero_when_there_are_no_samples_and_refuse_a_percentile_out_of_range() {
        assertThat(Latencies.of().percentile(99)).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> Latencies.of(1).percentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Latencies.of(1).percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }

}
