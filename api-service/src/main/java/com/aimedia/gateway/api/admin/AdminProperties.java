package com.aimedia.gateway.api.admin;

import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param token {@code gateway.api.admin.token} ({@code GATEWAY_API_ADMIN_TOKEN}): the
 * bearer credential of the admin API, at least 32 characters; from the environment only,
 * no default; unset turns the admin API off
 */
@Validated
@ConfigurationProperties("gateway.api.admin")
public record AdminProperties(@Nullable @Size(min = 32, max = 512,
        message = "must be 32 to 512 characters (GATEWAY_API_ADMIN_TOKEN)") String token) {

    /** Never print the token. */
    @Override
    public String toString() {
        return "AdminProperties[token=" + (token == null ? "unset" : "***") + "]";
    }
}
