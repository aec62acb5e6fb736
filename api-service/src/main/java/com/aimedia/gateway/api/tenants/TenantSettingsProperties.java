package com.aimedia.gateway.api.tenants;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param tenantSettingsCache {@code gateway.api.tenant-settings-cache}: how long a
 * replica answers from the tenant settings (limits, model access) it read, rather than
 * reading {@code tenants} again on each request; a change made through the admin API
 * holds at once on the replica that made it and within this time on the others. At most
 * 10s; 0 reads on every request.
 */
@Validated
@ConfigurationProperties("gateway.api")
public record TenantSettingsProperties(@DefaultValue("1s") @NotNull Duration tenantSettingsCache) {

    public TenantSettingsProperties {
        if (tenantSettingsCache.isNegative() || tenantSettingsCache.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException(
                    "gateway.api.tenant-settings-cache must be between 0s and 10s, was " + tenantSettingsCache);
        }
    }
}
