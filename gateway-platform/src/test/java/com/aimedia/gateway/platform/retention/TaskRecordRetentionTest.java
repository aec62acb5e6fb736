package com.aimedia.gateway.platform.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TaskRecordRetentionTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void should_keep_every_record_when_nothing_is_configured() {
        TaskRecordRetention retention = TaskRecordRetention.keepForever();

        assertThat(retention.enabled()).isFalse();
        assertThat(retention.expiresAt("tenant-1", CREATED)).isEmpty();
    }

    @Test
    void should_use_the_tenants_own_period_and_keep_a_tenant_with_0d() {
        TaskRecordRetention retention = new TaskRecordRetention(Duration.ofDays(30),
                Map.of("short", Duration.ofDays(7), "keeps-all", Duration.ZERO), Duration.ofHours(1), 500);

        assertThat(retention.expiresAt("any", CREATED)).contains(CREATED.plus(Duration.ofDays(30)));
        assertThat(retention.expiresAt("short", CREATED)).contains(CREATED.plus(Duration.ofDays(7)));
        assertThat(retention.expiresAt("keeps-all", CREATED)).isEmpty();
        assertThat(retention.enabled()).isTrue();
    }

    @Test
    void should_name_the_setting_when_a_period_is_too_short_or_not_whole_days() {
        assertThatThrownBy(() -> new TaskRecordRetention(Duration.ofDays(3), Map.of(), Duration.ofHours(1), 500))
            .hasMessageContaining(
                    "gateway.retention.task-records.default-period must be a whole number of days, " + "at least 7d");
        assertThatThrownBy(
                () -> new TaskRecordRetention(null, Map.of("t1", Duration.ofHours(200)), Duration.ofHours(1), 500))
            .hasMessageContaining("gateway.retention.task-records.tenants.t1 must be a whole number of days");
        assertThatThrownBy(() -> new TaskRecordRetention(null, Map.of(), Duration.ZERO, 500))
            .hasMessageContaining("gateway.retention.task-records.sweep-interval must be positive");
    }

}
