package com.aimedia.gateway.api.auth;

import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param devApiKey {@code gateway.api.dev-api-key}: if set, this key is registered at
 * start-up (for local runs); unset by default
 * @param devTenantId {@code gateway.api.dev-tenant-id}: the tenant of the development key
 */
@Validated
@ConfigurationProperties("gateway.api")
public record AuthProperties(@Nullable String devApiKey,
        @DefaultValue("dev") @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,62}",
                message = "must be 1 to 63 characters of a-z, 0-9, - and _") String devTenantId) {

    /** Never print the key. */
    @Override
    public String toString() {
        return "AuthProperties[devApiKey=" + (devApiKey == null ? "unset" : "***") + ", devTenantId=" + devTenantId
                + "]";
    }
}
