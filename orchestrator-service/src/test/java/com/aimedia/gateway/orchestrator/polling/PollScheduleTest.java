package com.aimedia.gateway.orchestrator.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PollScheduleTest {

    private static final Instant NOW = Instant.parse("2025-11-26T10:00:00Z");

    private final PollSchedule schedule = new PollSchedule(
            new PollingProperties(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(60), 1.5,
                    Duration.ofSeconds(20), Duration.ofMinutes(5), Duration.ofMinutes(30), 100, 16,
                    Map.of("veo", new PollingProperties.ProviderPolling(Duration.ofSeconds(20), Duration.ofHours(1)))));

    @Test
    void should_grow_the_delay_by_the_multiplier_up_to_the_max_interval_when_polls_repeat() {
        // when
        var delays = IntStream.rangeClosed(1, 9).mapToObj(attempt -> schedule.delayAfter("kling", attempt)).toList();

        // then
        assertThat(delays).containsExactly(Duration.ofMillis(7500), Duration.ofMillis(11250), Duration.ofMillis(16875),
                Duration.ofMillis(25313), Duration.ofMillis(37969), Duration.ofMillis(56953), Duration.ofSeconds(60),
                Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    @Test
    void should_double_the_delay_between_submission_checks_up_to_their_max_interval_until_the_acceptance() {
        // when
        var delays = IntStream.rangeClosed(1, 6).mapToObj(schedule::checkDelayAfter).toList();

        // then
        assertThat(delays).containsExactly(Duration.ofSeconds(40), Duration.ofSeconds(80), Duration.ofSeconds(160),
                Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5));
        assertThat(schedule.nextPollAt("kling", false, NOW, 2, null)).isEqualTo(NOW.plusSeconds(80));
        assertThat(schedule.nextPollAt("kling", false, NOW, 9, NOW.plusSeconds(100))).isEqualTo(NOW.plusSeconds(100));
    }

    @Test
    void should_use_the_provider_override_when_one_is_configured() {
        assertThat(schedule.firstPollDelay("veo")).isEqualTo(Duration.ofSeconds(20));
        assertThat(schedule.deadline("veo")).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.delayAfter("veo", 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.firstPollDelay("kling")).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.deadline("kling")).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void should_poll_at_the_deadline_when_the_backoff_would_pass_it() {
        Instant deadline = NOW.plusSeconds(3);
        assertThat(schedule.nextPollAt("kling", true, NOW, 1, deadline)).isEqualTo(deadline);
        assertThat(schedule.nextPollAt("kling", true, NOW, 1, NOW.plusSeconds(600))).isEqualTo(NOW.plusMillis(7500));
        assertThat(schedule.nextPollAt("kling", true, NOW, 1, null)).isEqualTo(NOW.plusMillis(7500));
    }

    @Test
    void should_describe_deadlines_in_words_when_failing_a_task() {
        assertThat(Durations.describe(Duration.ofMinutes(30))).isEqualTo("30 minutes");
        assertThat(Durations.describe(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(Durations.describe(Duration.ofSeconds(90))).isEqualTo("90 seconds");
        assertThat(Durations.describe(Duration.ofMillis(1500))).isEqualTo("1 second");
    }

    @Test
    void should_name_the_property_when_an_interval_is_not_positive() {
        assertThatThrownBy(() -> new PollingProperties(Duration.ofMillis(500), Duration.ZERO, Duration.ofSeconds(60),
                1.5, Duration.ofSeconds(20), Duration.ofMinutes(5), Duration.ofMinutes(30), 100, 16, Map.of()))
            .hasMessageContaining("gateway.orchestrator.polling.default-interval");
    }

}
