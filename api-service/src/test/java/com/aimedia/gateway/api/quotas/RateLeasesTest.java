package com.aimedia.gateway.api.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.testsupport.InMemoryMongo;

/**
 * Two replicas' leases over one MongoDB: leased requests are counted in the shared
 * window, so the replicas together never admit more than the limit.
 */
class RateLeasesTest {

    private static final Instant SECOND = Instant.parse("2026-03-01T10:00:00.100Z");

    private final InMemoryMongo mongo = InMemoryMongo.start();

    private final RateWindows windows = new RateWindows(mongo.database());

    private final RateLeases replica1 = new RateLeases(windows);

    private final RateLeases replica2 = new RateLeases(new RateWindows(mongo.database()));

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void should_never_admit_more_than_the_limit_across_replicas_and_lose_at_most_a_lease_per_replica() {
        // given: a limit whose leases are 10 requests
        int limit = 1_000;
        assertThat(RateLeases.leaseSize(limit)).isEqualTo(10);

        // when: three times the limit, alternating between the replicas, some landing
        // on the same replica twice in a row
        int admitted = 0;
        for (int i = 0; i < 3 * limit; i++) {
            RateLeases replica = i % 3 == 0 ? replica2 : replica1;
            if (replica.admit("tenant:a", limit, SECOND.plusMillis(i % 800)) >= 0) {
                admitted++;
            }
        }

        // then
        assertThat(admitted).isLessThanOrEqualTo(limit).isGreaterThan(limit - 2 * 10);
        assertThat(replica1.admit("tenant:a", limit, SECOND.plusSeconds(1))).isEqualTo(limit - 1);
    }

    @Test
    void should_admit_exactly_the_limit_on_one_replica_and_count_every_leased_request_in_the_window() {
        // given
        int limit = 5_000;

        // when
        int admitted = 0;
        for (int i = 0; i < limit + 200; i++) {
            if (replica1.admit("tenant:b", limit, SECOND) >= 0) {
                admitted++;
            }
        }

        // then: the other replica finds the window full
        assertThat(admitted).isEqualTo(limit);
        assertThat(replica2.admit("tenant:b", limit, SECOND)).isNegative();
        assertThat(windows.increment("tenant:b", SECOND, 0)).isEqualTo(limit + RateLeases.leaseSize(limit));
    }

    @Test
    void should_count_every_request_on_its_own_under_a_small_limit() {
        // when
        long first = replica1.admit("tenant:c", 3, SECOND);
        long second = replica2.admit("tenant:c", 3, SECOND);
        long third = replica1.admit("tenant:c", 3, SECOND);
        long fourth = replica2.admit("tenant:c", 3, SECOND);

        // then
        assertThat(first).isEqualTo(2);
        assertThat(second).isEqualTo(1);
        assertThat(third).isZero();
        assertThat(fourth).isNegative();
        assertThat(windows.increment("tenant:c", SECOND, 0)).isEqualTo(4);
    }

}
