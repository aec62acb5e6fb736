package com.aimedia.gateway.workers.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The submission settings as start-up binds them: documented defaults, clear refusals.
 */
class SubmissionPropertiesTest {

    @Test
    void should_use_the_documented_defaults_when_nothing_is_configured() {
        assertThat(bind(Map.of())).isEqualTo(new SubmissionProperties(5, Duration.ofSeconds(1), Duration.ofMinutes(30),
                Duration.ofMinutes(1), Duration.ofSeconds(10)));
    }

    @Test
    void should_bind_the_rate_limit_patience_when_configured() {
        assertThat(bind(Map.of("gateway.workers.submission.rate-limit-patience", "2h")).rateLimitPatience())
            .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void should_refuse_start_up_naming_the_setting_when_the_patience_is_not_positive() {
        assertThatThrownBy(() -> bind(Map.of("gateway.workers.submission.rate-limit-patience", "0s"))).rootCause()
            .hasMessage("gateway.workers.submission.rate-limit-patience must be more than 0, got PT0S");
    }

    @Test
    void should_refuse_start_up_naming_the_setting_when_the_backoff_would_hold_a_consumer_too_long() {
        assertThatThrownBy(() -> bind(Map.of("gateway.workers.submission.rate-limit-backoff", "2m"))).rootCause()
            .hasMessage("gateway.workers.submission.rate-limit-backoff must be more than 0 and at most 1m "
                    + "(a consumer waits it without polling), got PT2M");
    }

    private static SubmissionProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("gateway.workers.submission",
                SubmissionProperties.class);
    }

}
