package com.aimedia.gateway.api.taskid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskIdCodecTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private static final Instant NOW = Instant.parse("2025-11-26T10:00:00.123Z");

    private final TaskIdCodec codec = codecAt(NOW, SECRET);

    @Test
    void should_verify_and_carry_creation_time_when_id_is_issued_to_the_same_tenant() {
        // given
        TaskId issued = codec.issue("tenant-a");

        // when
        var verified = codec.verify(issued.value(), "tenant-a");

        // then
        assertThat(issued.value()).matches("task_[0-9a-v]{42}");
        assertThat(verified).contains(issued);
        assertThat(verified.orElseThrow().createdAt()).isEqualTo(NOW);
        assertThat(verified.orElseThrow().createdAtSeconds()).isEqualTo(NOW.getEpochSecond());
    }

    @Test
    void should_not_verify_when_tenant_is_another() {
        TaskId issued = codec.issue("tenant-a");

        assertThat(codec.verify(issued.value(), "tenant-b")).isEmpty();
        assertThat(codec.verify(issued.value(), "tenant-a:")).isEmpty();
    }

    @Test
    void should_not_verify_when_secret_is_another() {
        TaskId issued = codec.issue("tenant-a");

        assertThat(codecAt(NOW, "another-secret-another-secret-xxxx").verify(issued.value(), "tenant-a")).isEmpty();
    }

    @Test
    void should_not_verify_when_any_character_is_changed() {
        // given
        String id = codec.issue("tenant-a").value();

        // when / then: every position, including the time and the MAC
        for (int i = TaskIdCodec.PREFIX.length(); i < id.length(); i++) {
            char replacement = id.charAt(i) == '0' ? '1' : '0';
            String tampered = id.substring(0, i) + replacement + id.substring(i + 1);
            assertThat(codec.verify(tampered, "tenant-a")).as("position %d", i).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "task_", "task_abc", "TASK_0123", "tsk_0000000000000000000000000000000000000000000",
            "task_00000000000000000000000000000000000000000000", "task_0000000000000000000000000000000000000000z0",
            "task_../../etc/passwd", "task_00000000000000000000000000000000000000000W" })
    void should_not_verify_when_id_is_malformed(String id) {
        assertThat(codec.verify(id, "tenant-a")).isEmpty();
    }

    @Test
    void should_not_verify_when_unused_trailing_bits_are_set() {
        // given: the last character carries 2 unused bits; a non-canonical spelling must
        // not verify
        String id = codec.issue("tenant-a").value();
        char last = id.charAt(id.length() - 1);
        int value = Character.digit(last, 32);
        String otherSpelling = id.substring(0, id.length() - 1) + Character.forDigit(value | 1, 32);

        // when / then
        assertThat(codec.verify(otherSpelling, "tenant-a")).isEmpty();
    }

    @Test
    void should_sort_by_creation_time_when_ids_are_compared_as_strings() {
        // given
        List<String> ids = new ArrayList<>();
        for (long millis : new long[] { 1_000L, 1_001L, 1_764_151_200_000L, 1_764_151_200_001L, 2_000_000_000_000L }) {
            ids.add(codecAt(Instant.ofEpochMilli(millis), SECRET).issue("tenant-a").value());
        }

        // when / then
        assertThat(ids).isSorted();
    }

    @Test
    void should_issue_distinct_ids_when_issued_in_the_same_millisecond() {
        assertThat(codec.issue("tenant-a").value()).isNotEqualTo(codec.issue("tenant-a").value());
    }

    @Test
    void should_refuse_start_up_without_echoing_when_secret_is_missing_or_short() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TaskIdProperties(null))
            .withMessageContaining("gateway.api.task-id-secret is required");
        assertThatIllegalArgumentException().isThrownBy(() -> new TaskIdProperties("short-secret-value"))
            .withMessageContaining("at least 32 characters")
            .withMessageNotContaining("short-secret-value");
        assertThat(new TaskIdProperties(SECRET).toString()).doesNotContain(SECRET);
    }

    private static TaskIdCodec codecAt(Instant now, String secret) {
        return new TaskIdCodec(new TaskIdProperties(secret), Clock.fixed(now, ZoneOffset.UTC), new SecureRandom());
    }

}
