package com.aimedia.gateway.api.auth;

import jakarta.validation.constraints.NotBlank;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param devApiKey {@code gateway.api.dev-api-key}: if set, this key is registered at start-up (for local runs);
 *        unset by default
 * @param devTenantId {@code gateway.api.dev-tenant-id}: the tenant of the development key
 */
@Validated
@ConfigurationProperties("gateway.api")
public record AuthProperties(@Nullable String devApiKey, @DefaultValue("dev") @NotBlank String devTenantId) {

    /** Never print the key. */
    @Override
    public String toString() {
        return "AuthProperties[devApiKey=" + (devApiKey == null ? "unset" : "***") + ", devTenantId=" + devTenantId + "]";
    }
}
