package com.aimedia.gateway.platform.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentReadsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));

    /** What "MongoDB" holds, and how often it was read. */
    private final Map<String, String> stored = new HashMap<>(Map.of("a", "1", "b", "2"));

    private final AtomicInteger reads = new AtomicInteger();

    private final Function<String, Optional<String>> read = key -> {
        reads.incrementAndGet();
        return Optional.ofNullable(stored.get(key));
    };

    @Test
    void should_answer_from_memory_within_the_keep_time_and_read_again_after_it() {
        // given
        RecentReads<String, String> recent = new RecentReads<>(Duration.ofSeconds(1), 100, clock);
        assertThat(recent.get("a", read)).contains("1");

        // when: changed by another replica
        stored.put("a", "changed");

        // then
        clock.advance(Duration.ofMillis(999));
        assertThat(recent.get("a", read)).contains("1");
        clock.advance(Duration.ofMillis(1));
        assertThat(recent.get("a", read)).contains("changed");
        assertThat(reads).hasValue(2);
    }

    @Test
    void should_read_again_at_once_after_a_write_through_this_replica() {
        // given
        RecentReads<String, String> recent = new RecentReads<>(Duration.ofSeconds(1), 100, clock);
        recent.get("a", read);
        recent.get("b", read);

        // when
        stored.put("a", "changed");
        recent.forget("a");

        // then
        assertThat(recent.get("a", read)).contains("changed");
        assertThat(recent.get("b", read)).contains("2");
        stored.put("b", "changed");
        recent.forgetAll();
        assertThat(recent.get("b", read)).contains("changed");
        assertThat(reads).hasValue(4);
    }

    @Test
    void should_not_keep_a_read_that_overlapped_a_write_through_this_replica() {
        // given: the read returns what it found before the write
        RecentReads<String, String> recent = new RecentReads<>(Duration.ofSeconds(1), 100, clock);
        Function<String, Optional<String>> overtaken = key -> {
            Optional<String> before = read.apply(key);
            stored.put(key, "changed");
            recent.forget(key);
            return before;
        };

        // when
        assertThat(recent.get("a", overtaken)).contains("1");

        // then
        assertThat(recent.get("a", read)).contains("changed");
    }

    @Test
    void should_read_what_is_missing_every_time() {
        // given
        RecentReads<String, String> recent = new RecentReads<>(Duration.ofSeconds(1), 100, clock);
        assertThat(recent.get("new", read)).isEmpty();

        // when
        stored.put("new", "created");

        // then
        assertThat(recent.get("new", read)).contains("created");
    }

    @Test
    void should_read_every_time_without_a_keep_time_and_start_over_when_full() {
        RecentReads<String, String> never = new RecentReads<>(Duration.ZERO, 100, clock);
        never.get("a", read);
        never.get("a", read);
        assertThat(reads).hasValue(2);

        RecentReads<String, String> small = new RecentReads<>(Duration.ofSeconds(1), 1, clock);
        small.get("a", read);
        small.get("b", read);
        small.get("b", read);
        small.get("a", read);
        assertThat(reads).hasValue(5);

        assertThatThrownBy(() -> new RecentReads<String, String>(Duration.ofSeconds(-1), 1, clock))
            .hasMessageContaining("keepFor");
    }

}
