package com.aimedia.gateway.api.quotas;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The defaults of every tenant's limits ({@code gateway.api.quotas.*}); the admin API
 * overrides them per tenant.
 *
 * @param requestsPerSecond authenticated requests per second of one tenant
 * @param tasksInFlight tasks of one tenant queued or in progress at once
 * @param keyRequestsPerSecond requests per second of one key; unset means only the
 * tenant's limit applies
 * @param keyTasksInFlight tasks in flight of one key; unset means only the tenant's limit
 * applies
 */
@Validated
@ConfigurationProperties("gateway.api.quotas")
public record QuotaProperties(@DefaultValue("50") @NotNull @Min(1) @Max(1_000_000) Integer requestsPerSecond,
        @DefaultValue("200") @NotNull @Min(1) @Max(1_000_000) Integer tasksInFlight,
        @Nullable @Min(1) @Max(1_000_000) Integer keyRequestsPerSecond,
        @Nullable @Min(1) @Max(1_000_000) Integer keyTasksInFlight) {
}
