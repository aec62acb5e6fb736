package com.aimedia.gateway.api.quotas;

import java.time.Clock;

import org.springframework.stereotype.Service;

import com.aimedia.gateway.api.auth.Tenant;
import com.aimedia.gateway.api.tenants.TenantRecord;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * Tasks in flight per tenant and per key. A submission first takes a slot and then counts
 * the slots, so two replicas admitting at once can both refuse at the edge but never both
 * pass it: the limit is never exceeded. A refusal is 429 {@code too_many_tasks_in_flight}
 * with {@code Retry-After}.
 */
@Service
public class InFlightLimiter {

    /** Tasks take seconds to minutes; a few seconds is a sensible first wait. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final TaskSlots slots;

    private final QuotaProperties defaults;

    private final Clock clock;

    InFlightLimiter(TaskSlots slots, QuotaProperties defaults, Clock clock) {
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
        slots.insert(taskId, tenant.id(), tenant.keyId(), clock.instant());
        Reservation reservation = () -> slots.delete(taskId);
        if (over(TaskSlots.TENANT_ID, tenant.id(), limits.tasksInFlight())) {
            reservation.release();
            throw refused("This tenant has " + limits.tasksInFlight() + " tasks queued or in progress, its limit.");
        }
        Integer keyLimit = limits.keyTasksInFlight();
        if (keyLimit != null && over(TaskSlots.KEY_ID, tenant.keyId(), keyLimit)) {
            reservation.release();
            throw refused("This API key has " + keyLimit + " tasks queued or in progress, its limit.");
        }
        return reservation;
    }

    private boolean over(String field, String value, int limit) {
        if (slots.count(field, value) <= limit) {
            return false;
        }
        return slots.releaseFinished(field, value) == 0 || slots.count(field, value) > limit;
    }

    private static ApiProblemException refused(String detail) {
        return new ApiProblemException(ProblemCode.TOO_MANY_TASKS_IN_FLIGHT, detail + " Retry when some have finished.",
                java.util.List.of(),
                java.util.Map.of(org.springframework.http.HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
    }

}
