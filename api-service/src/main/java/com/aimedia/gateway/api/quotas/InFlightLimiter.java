package com.aimedia.gateway.api.quotas;

import java.time.Clock;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import com.aimedia.gateway.api.auth.Tenant;
import com.aimedia.gateway.api.quotas.InFlightCounts.Counts;
import com.aimedia.gateway.api.tenants.TenantRecord;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * Tasks in flight per tenant and per key. A submission first counts its slot in
 * {@link InFlightCounts} (one atomic increment shared by every replica) and is admitted
 * only if the counts with it are within the limits; otherwise the slots of finished tasks
 * are freed and the counts read again. A count never misses a slot that was admitted, so
 * two replicas admitting at once can both refuse at the edge but never both pass it: the
 * limit is never exceeded. A refusal is 429 {@code too_many_tasks_in_flight} with
 * {@code Retry-After}.
 * <p>
 * A process killed between counting a slot and recording it in {@code task_slots} (or
 * between deleting a slot and giving it back) leaves the count one too high: the tenant
 * can then have one task fewer in flight, never one more.
 */
@Service
public class InFlightLimiter {

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

    /** A slot for a task that is about to be accepted. */
    public interface Reservation {

        /**
         * Gives the slot back: the task was not accepted, or was a replay of an earlier
         * one.
         */
        void release();

    }

    /**
     * Takes a slot for the task, or throws the 429 answer if the tenant or the key is at
     * its limit.
     */
    public Reservation reserve(Tenant tenant, TenantRecord settings, String taskId) {
        EffectiveLimits limits = EffectiveLimits.of(settings.limits(), defaults);
        Counts taken = counts.take(tenant.id(), tenant.keyId());
        if (over(taken, limits) != null) {
            releaseFinished(tenant.id());
            String refusal = over(counts.current(tenant.id(), tenant.keyId()), limits);
            if (refusal != null) {
                counts.give(tenant.id(), tenant.keyId(), 1);
                throw refused(refusal);
            }
        }
        try {
            slots.insert(taskId, tenant.id(), tenant.keyId(), clock.instant());
        }
        catch (RuntimeException e) {
            counts.give(tenant.id(), tenant.keyId(), 1);
            throw e;
        }
        return () -> {
            if (slots.delete(taskId)) {
                counts.give(tenant.id(), tenant.keyId(), 1);
            }
        };
    }

    /**
     * @return why the counts are over a limit, or null if they are within both
     */
    private static @Nullable String over(Counts counts, EffectiveLimits limits) {
        if (counts.tenant() > limits.tasksInFlight()) {
            return "This tenant has " + limits.tasksInFlight() + " tasks queued or in progress, its limit.";
        }
        Integer keyLimit = limits.keyTasksInFlight();
        if (keyLimit != null && counts.key() > keyLimit) {
            return "This API key has " + keyLimit + " tasks queued or in progress, its limit.";
        }
        return null;
    }

    private void releaseFinished(String tenantId) {
        slots.releaseFinished(tenantId).forEach((keyId, released) -> counts.give(tenantId, keyId, released));
    }

    private static ApiProblemException refused(String detail) {
        return new ApiProblemException(ProblemCode.TOO_MANY_TASKS_IN_FLIGHT, detail + " Retry when some have finished.",
                java.util.List.of(),
                java.util.Map.of(org.springframework.http.HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
    }

}
