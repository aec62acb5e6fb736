package com.aimedia.gateway.api.quotas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.api.auth.Tenant;
import com.aimedia.gateway.api.quotas.InFlightCounts.Counts;
import com.aimedia.gateway.api.quotas.InFlightLimiter.Reservation;
import com.aimedia.gateway.api.tenants.TenantRecord;
import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.aimedia.gateway.web.problems.ApiProblemException;
import com.mongodb.client.model.Filters;

/**
 * A reservation over one MongoDB: its slot is counted before it is handed out and
 * recorded while the task is published; kept, the record stays; released, the record is
 * deleted and the count given back, also when the record could not be written.
 */
class InFlightLimiterTest {

    private static final Tenant TENANT = new Tenant("tenant_a", "key_1");

    private static final TenantRecord SETTINGS = TenantRecord.unregistered(TENANT.id());

    private final InMemoryMongo mongo = InMemoryMongo.start();

    private final TaskSlots slots = new TaskSlots(mongo.database());

    private final InFlightCounts counts = new InFlightCounts(mongo.database(), slots);

    private final InFlightLimiter limiter = new InFlightLimiter(counts, slots, new QuotaProperties(50, 2, null, null),
            Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void stop() {
        counts.close();
        slots.close();
        mongo.close();
    }

    @Test
    void should_record_a_kept_slot_and_delete_and_give_back_a_released_one() {
        // when
        limiter.reserve(TENANT, SETTINGS, "task_kept").keep();
        limiter.reserve(TENANT, SETTINGS, "task_released").release();

        // then
        assertThat(slotIds()).containsExactly("task_kept");
        assertThat(counts.current(TENANT.id(), TENANT.keyId())).isEqualTo(new Counts(1, 1));
    }

    @Test
    void should_refuse_a_slot_over_the_limit_without_counting_or_recording_it() {
        // given
        limiter.reserve(TENANT, SETTINGS, "task_1").keep();
        limiter.reserve(TENANT, SETTINGS, "task_2").keep();

        // when / then
        assertThatThrownBy(() -> limiter.reserve(TENANT, SETTINGS, "task_3")).isInstanceOf(ApiProblemException.class)
            .hasMessageContaining("2 tasks queued or in progress");
        assertThat(slotIds()).containsExactlyInAnyOrder("task_1", "task_2");
        assertThat(counts.current(TENANT.id(), TENANT.keyId())).isEqualTo(new Counts(2, 2));
    }

    @Test
    void should_give_back_a_released_slot_whose_record_could_not_be_written_and_keep_counting_a_kept_one() {
        // given: the slots' writer is gone, so no record can be written
        slots.close();

        // when
        Reservation released = limiter.reserve(TENANT, SETTINGS, "task_released");
        released.release();
        Reservation kept = limiter.reserve(TENANT, SETTINGS, "task_kept");
        kept.keep();

        // then: the released slot is given back; the kept one stays counted (one task
        // fewer for the tenant, never one more)
        assertThat(slotIds()).isEmpty();
        assertThat(counts.current(TENANT.id(), TENANT.keyId())).isEqualTo(new Counts(1, 1));
    }

    private List<String> slotIds() {
        return mongo.database()
            .getCollection("task_slots")
            .find(Filters.eq(TaskSlots.TENANT_ID, TENANT.id()))
            .map(slot -> slot.getString("_id"))
            .into(new ArrayList<>());
    }

}
