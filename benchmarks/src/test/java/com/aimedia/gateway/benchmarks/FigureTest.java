package com.aimedia.gateway.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.benchmarks.Figure.Target;

class FigureTest {

    @Test
    void should_compare_the_ratio_or_the_value_with_the_target_when_asked_whether_it_is_met() {
        assertThat(new Figure("3", "tasks/s", 600, 1000, new Target.RatioAtLeast(0.5), "").met()).isTrue();
        assertThat(new Figure("3", "tasks/s", 400, 1000, new Target.RatioAtLeast(0.5), "").met()).isFalse();
        assertThat(new Figure("7", "s", 9, 6, new Target.RatioAtMost(1.5), "").met()).isTrue();
        assertThat(new Figure("7", "s", 9.1, 6, new Target.RatioAtMost(1.5), "").met()).isFalse();
        assertThat(new Figure("4", "ms", 249, 3, new Target.ValueAtMost(250), "").met()).isTrue();
        assertThat(new Figure("4", "ms", 251, 3, new Target.ValueAtMost(250), "").met()).isFalse();
        assertThat(new Figure("1", "ms", 20, 10, new Target.None(), "").met()).isNull();
    }

    @Test
    void should_have_no_ratio_when_the_baseline_is_zero() {
        assertThat(new Figure("2", "requests/s", 10, 0, new Target.RatioAtLeast(0.7), "").ratio()).isNaN();
    }

}
