package com.aimedia.gateway.api.quotas;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.api.tenants.TenantLimits;

/**
 * A tenant's limits with the defaults filled in; a null per-key limit means no per-key
 * limit.
 */
record EffectiveLimits(int requestsPerSecond, int tasksInFlight, @Nullable Integer keyRequestsPerSecond,
        @Nullable Integer keyTasksInFlight) {

    static EffectiveLimits of(TenantLimits tenant, QuotaProperties defaults) {
        return new EffectiveLimits(
                tenant.requestsPerSecond() != null ? tenant.requestsPerSecond() : defaults.requestsPerSecond(),
                tenant.tasksInFlight() != null ? tenant.tasksInFlight() : defaults.tasksInFlight(),
                tenant.keyRequestsPerSecond() != null ? tenant.keyRequestsPerSecond() : defaults.keyRequestsPerSecond(),
                tenant.keyTasksInFlight() != null ? tenant.keyTasksInFlight() : defaults.keyTasksInFlight());
    }
}
