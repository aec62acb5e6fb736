package com.aimedia.gateway.api.tenants;

import org.jspecify.annotations.Nullable;

/**
 * A tenant's limits as its operator set them; a null value means "the gateway's default".
 *
 * @param requestsPerSecond authenticated requests per second of the whole tenant
 * @param tasksInFlight tasks of the tenant that are queued or in progress at once
 * @param keyRequestsPerSecond requests per second of each of the tenant's keys
 * @param keyTasksInFlight tasks in flight submitted with each of the tenant's keys
 */
public record TenantLimits(@Nullable Integer requestsPerSecond, @Nullable Integer tasksInFlight,
        @Nullable Integer keyRequestsPerSecond, @Nullable Integer keyTasksInFlight) {

    public static final TenantLimits DEFAULTS = new TenantLimits(null, null, null, null);

}
