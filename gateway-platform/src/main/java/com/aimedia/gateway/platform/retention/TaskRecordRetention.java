package com.aimedia.gateway.platform.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How long task records are kept, per tenant, counted from the task's creation (the time
 * its id carries): the orchestrator deletes the task document (with its status history
 * and outbox), provider-workers its submission record, callback-service its deliveries,
 * each sweeping its own collection. Off unless a period is set: records are kept for
 * good. Every service reads the same {@code gateway.retention.task-records} settings, and
 * api-service answers 410 {@code task_expired} for a task older than its tenant's period.
 *
 * @param defaultPeriod the period of every tenant not listed; unset keeps records for
 * good
 * @param tenants a tenant's own period; {@code 0d} keeps that tenant's records for good
 * @param sweepInterval how often each service looks for expired records
 * @param batchSize records deleted per request; a sweep deletes batches until none is
 * left
 */
@Validated
@ConfigurationProperties("gateway.retention.task-records")
public record TaskRecordRetention(@Nullable Duration defaultPeriod,
        @DefaultValue @NotNull Map<String, Duration> tenants, @DefaultValue("1h") @NotNull Duration sweepInterval,
        @DefaultValue("500") @Min(1) @Max(10_000) int batchSize) {

    /**
     * The shortest period: longer than every provider deadline and than the webhook retry
     * schedule (about 28 hours), so no record of a task still running, or of a webhook
     * still being retried, is ever deleted.
     */
    public static final Duration MIN_PERIOD = Duration.ofDays(7);

    private static final String PREFIX = "gateway.retention.task-records.";

    public TaskRecordRetention {
        if (defaultPeriod != null) {
            check(PREFIX + "default-period", defaultPeriod, false);
        }
        tenants.forEach((tenant, period) -> check(PREFIX + "tenants." + tenant, period, true));
        tenants = Map.copyOf(tenants);
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException(PREFIX + "sweep-interval must be positive, was " + sweepInterval);
        }
    }

    /** Records kept for good (the default). */
    public static TaskRecordRetention keepForever() {
        return new TaskRecordRetention(null, Map.of(), Duration.ofHours(1), 500);
    }

    /** Whether any tenant's records are ever deleted. */
    public boolean enabled() {
        return defaultPeriod != null || tenants.values().stream().anyMatch(period -> !period.isZero());
    }

    /** How long a tenant's task records are kept; empty when they are kept for good. */
    public Optional<Duration> periodFor(String tenantId) {
        Duration period = tenants.getOrDefault(tenantId, defaultPeriod);
        return period == null || period.isZero() ? Optional.empty() : Optional.of(period);
    }

    /**
     * When the records of a tenant's task created at that time are deleted; empty when
     * they are kept for good.
     */
    public Optional<Instant> expiresAt(String tenantId, Instant createdAt) {
        return periodFor(tenantId).map(createdAt::plus);
    }

    private static void check(String name, Duration period, boolean zeroAllowed) {
        if (zeroAllowed && period.isZero()) {
            return;
        }
        if (period.compareTo(MIN_PERIOD) < 0 || !period.equals(Duration.ofDays(period.toDays()))) {
            throw new IllegalArgumentException(name + " must be a whole number of days, at least " + MIN_PERIOD.toDays()
                    + "d" + (zeroAllowed ? " (or 0d to keep the records)" : "") + ", was " + period);
        }
    }
}
