package com.aimedia.gateway.api.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.api.quotas.InFlightCounts.Counts;
import com.aimedia.gateway.testsupport.InMemoryMongo;

/**
 * The in-flight counters over one MongoDB: a slot is counted only while the counts are
 * below their limits, so a refused take changes nothing and takes racing at the edge
 * admit exactly the limit.
 */
class InFlightCountsTest {

    private final InMemoryMongo mongo = InMemoryMongo.start();

    private final TaskSlots slots = new TaskSlots(mongo.database());

    private final InFlightCounts counts = new InFlightCounts(mongo.database(), slots);

    @AfterEach
    void stop() {
        counts.close();
        slots.close();
        mongo.close();
    }

    @Test
    void should_count_up_to_the_tenants_limit_and_leave_the_counts_alone_when_refusing() {
        // when
        List<Boolean> taken = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            taken.add(counts.takeWithin("tenant_a", "key_1", 3, null));
        }

        // then
        assertThat(taken).containsExactly(true, true, true, false, false);
        assertThat(counts.current("tenant_a", "key_1")).isEqualTo(new Counts(3, 3));
    }

    @Test
    void should_refuse_a_key_at_its_limit_while_its_tenant_has_room_and_count_a_new_keys_first_slot() {
        // given
        assertThat(counts.takeWithin("tenant_b", "key_1", 10, 1)).isTrue();

        // when
        boolean sameKey = counts.takeWithin("tenant_b", "key_1", 10, 1);
        boolean otherKey = counts.takeWithin("tenant_b", "key_2", 10, 1);

        // then
        assertThat(sameKey).isFalse();
        assertThat(otherKey).isTrue();
        assertThat(counts.current("tenant_b", "key_1")).isEqualTo(new Counts(2, 1));
        assertThat(counts.current("tenant_b", "key_2")).isEqualTo(new Counts(2, 1));
    }

    @Test
    void should_start_from_the_slots_recorded_before_the_counters_existed() {
        // given
        slots.insert("task_1", "tenant_c", "key_1", Instant.parse("2026-03-01T10:00:00Z"));
        slots.insert("task_2", "tenant_c", "key_1", Instant.parse("2026-03-01T10:00:01Z"));

        // when
        boolean third = counts.takeWithin("tenant_c", "key_1", 3, null);
        boolean fourth = counts.takeWithin("tenant_c", "key_1", 3, null);

        // then
        assertThat(third).isTrue();
        assertThat(fourth).isFalse();
        assertThat(counts.current("tenant_c", "key_1")).isEqualTo(new Counts(3, 3));
    }

    @Test
    void should_admit_exactly_the_room_left_to_racing_takes() throws Exception {
        // given: 20 of 50 slots taken, 200 takes racing for the other 30
        for (int i = 0; i < 20; i++) {
            assertThat(counts.takeWithin("tenant_d", "key_1", 50, null)).isTrue();
        }
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            racers.add(() -> counts.takeWithin("tenant_d", "key_1", 50, null));
        }

        // when
        long admitted;
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            List<Future<Boolean>> results = threads.invokeAll(racers);
            admitted = 0;
            for (Future<Boolean> result : results) {
                admitted += result.get() ? 1 : 0;
            }
        }

        // then
        assertThat(admitted).isEqualTo(30);
        assertThat(counts.current("tenant_d", "key_1").tenant()).isEqualTo(50);
    }

    @Test
    void should_admit_exactly_the_limit_when_many_takes_arrive_together() throws Exception {
        // given: takes that arrive together are counted together where they all fit
        try (ExecutorService submits = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> taken = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                taken.add(submits.submit(() -> counts.takeWithin("tenant_g", "key_1", 25, 30)));
            }

            // when
            long admitted = 0;
            for (Future<Boolean> take : taken) {
                admitted += take.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }

            // then
            assertThat(admitted).isEqualTo(25);
            assertThat(counts.current("tenant_g", "key_1")).isEqualTo(new Counts(25, 25));
        }
    }

    @Test
    void should_admit_exactly_each_tenants_limit_when_many_tenants_take_together() throws Exception {
        // given: takes of five tenants arriving together, twelve each against a limit of
        // five
        try (ExecutorService submits = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> taken = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String tenant = "tenant_m" + (i % 5);
                taken.add(submits.submit(() -> counts.takeWithin(tenant, "key_1", 5, null)));
            }

            // when
            long admitted = 0;
            for (Future<Boolean> take : taken) {
                admitted += take.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }

            // then
            assertThat(admitted).isEqualTo(25);
            for (int t = 0; t < 5; t++) {
                assertThat(counts.current("tenant_m" + t, "key_1")).isEqualTo(new Counts(5, 5));
            }
        }
    }

}
