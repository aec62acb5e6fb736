package com.aimedia.gateway.api.quotas;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;

import com.aimedia.gateway.api.auth.Tenant;
import com.aimedia.gateway.api.quotas.InFlightCounts.Counts;
import com.aimedia.gateway.api.tenants.TenantRecord;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * Tasks in flight per tenant and per key. A submission counts its slot in
 * {@link InFlightCounts} with one atomic increment shared by every replica, which only
 * happens while the counts are below the limits; when they are not, the slots of finished
 * tasks are freed and the increment is tried once more. Replicas admitting at once are
 * serialised by that document, so exactly the limit's worth of them pass. A refusal is
 * 429 {@code too_many_tasks_in_flight} with {@code Retry-After}.
 * <p>
 * A process killed between counting a slot and recording it in {@code task_slots} (the
 * record is written while the task is published, so its task may be accepted), or between
 * deleting a slot and giving it back, leaves the count one too high: the tenant can then
 * have one task fewer in flight, never one more.
 */
@Service
public class InFlightLimiter {

    private static final Logger log = LoggerFactory.getLogger(InFlightLimiter.class);

    /** Tasks take seconds to minutes; a few seconds is a sensible first wait. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final InFlightCounts counts;

    private final TaskSlots slots;

    private final QuotaProperties defaults;

    private final Clock clock;

    InFlightLimiter(InFlightCounts counts, TaskSlots slots, QuotaProperties defaults, Clock clock) {
        this.counts = counts;
        this.slots = slots;
        this.defaults = defaults;
        this.clock = clock;
    }

    /**
     * A slot for a task that is about to be accepted: counted, its record in
     * {@code task_slots} on its way while the task is published.
     */
    public interface Reservation {

        /**
         * Waits for the slot's record: the task was accepted. A record that could not be
         * written leaves the slot counted for good (the tenant may have one task fewer in
         * flight, never one more), as a kill at that moment would.
         */
        void keep();

        /**
         * Gives the slot back: the task was not accepted, or was a replay of an earlier
         * one.
         */
        void release();

    }

    /**
     * Counts a slot for the task and starts writing its record, or throws the 429 answer
     * if the tenant or the key is at its limit. The record is written only after the slot
     * was counted, so a tenant's counts created from its records ({@link InFlightCounts})
     * never miss a slot nor count one twice.
     */
    public Reservation reserve(Tenant tenant, TenantRecord settings, String taskId) {
        EffectiveLimits limits = EffectiveLimits.of(settings.limits(), defaults);
        if (!take(tenant, limits)) {
            releaseFinished(tenant.id());
            if (!take(tenant, limits)) {
                throw refused(limits, counts.current(tenant.id(), tenant.keyId()));
            }
        }
        return new CountedSlot(tenant, taskId, slots.beginInsert(taskId, tenant.id(), tenant.keyId(), clock.instant()));
    }

    /** A counted slot whose record was being written when it was handed out. */
    private final class CountedSlot implements Reservation {

        private final Tenant tenant;

        private final String taskId;

        private final CompletableFuture<Boolean> record;

        CountedSlot(Tenant tenant, String taskId, CompletableFuture<Boolean> record) {
            this.tenant = tenant;
            this.taskId = taskId;
            this.record = record;
        }

        @Override
        public void keep() {
            if (!recorded()) {
                log.error("the in-flight slot of accepted task {} (tenant {}) was not recorded: the tenant counts "
                        + "one task more in flight than it has, for good", taskId, tenant.id());
            }
        }

        @Override
        public void release() {
            // a slot never recorded is only counted; a recorded one is given back by
            // whoever deletes it
            if (!recorded() || slots.delete(taskId)) {
                counts.give(tenant.id(), tenant.keyId(), 1);
            }
        }

        private boolean recorded() {
            try {
                GroupedWrites.await(record);
                return true;
            }
            catch (RuntimeException e) {
                log.warn("in-flight slot of task {} not recorded", taskId, e);
                return false;
            }
        }

    }

    private boolean take(Tenant tenant, EffectiveLimits limits) {
        return counts.takeWithin(tenant.id(), tenant.keyId(), limits.tasksInFlight(), limits.keyTasksInFlight());
    }

    private void releaseFinished(String tenantId) {
        slots.releaseFinished(tenantId).forEach((keyId, released) -> counts.give(tenantId, keyId, released));
    }

    /**
     * The 429 answer, naming the limit the counts are at (the tenant's, unless only the
     * key's is).
     */
    private static ApiProblemException refused(EffectiveLimits limits, Counts counts) {
        Integer keyLimit = limits.keyTasksInFlight();
        String detail = keyLimit != null && counts.tenant() < limits.tasksInFlight()
                ? "This API key has " + keyLimit + " tasks queued or in progress, its limit."
                : "This tenant has " + limits.tasksInFlight() + " tasks queued or in progress, its limit.";
        return new ApiProblemException(ProblemCode.TOO_MANY_TASKS_IN_FLIGHT, detail + " Retry when some have finished.",
                List.of(), Map.of(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
    }

}
