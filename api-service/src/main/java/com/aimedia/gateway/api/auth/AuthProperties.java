package com.aimedia.gateway.api.auth;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param devApiKey {@code gateway.api.dev-api-key}: if set, this key is registered at
 * start-up (for local runs); unset by default
 * @param devTenantId {@code gateway.api.dev-tenant-id}: the tenant of the development key
 * @param apiKeyCache {@code gateway.api.api-key-cache}: how long a replica answers from a
 * valid API key it read, rather than reading {@code api_keys} again on each request; a
 * key revoked or rotated through the admin API is refused at once by the replica that did
 * it and within this time by the others. At most 10s; 0 reads on every request.
 */
@Validated
@ConfigurationProperties("gateway.api")
public record AuthProperties(@Nullable String devApiKey,
        @DefaultValue("dev") @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,62}",
                message = "must be 1 to 63 characters of a-z, 0-9, - and _") String devTenantId,
        @DefaultValue("1s") @NotNull Duration apiKeyCache) {

    public AuthProperties {
        if (apiKeyCache.isNegative() || apiKeyCache.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException(
                    "gateway.api.api-key-cache must be between 0s and 10s, was " + apiKeyCache);
        }
    }

    /** Never print the key. */
    @Override
    public String toString() {
        return "AuthProperties[devApiKey=" + (devApiKey == null ? "unset" : "***") + ", devTenantId=" + devTenantId
                + ", apiKeyCache=" + apiKeyCache + "]";
    }
}
