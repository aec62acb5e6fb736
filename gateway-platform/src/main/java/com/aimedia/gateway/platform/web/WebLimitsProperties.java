package com.aimedia.gateway.platform.web;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on every request body a service accepts, enforced before authentication
 * (docs/security.md).
 *
 * @param maxBodySize the largest body of any request (413 from its Content-Length; a
 * chunked body fails to read past it). Endpoints keep their own smaller limits (the
 * submit body, provider callbacks)
 * @param bodyReadTimeout the longest reading one body may take, however slowly its bytes
 * trickle in; each single read is bounded by {@code server.tomcat.connection-timeout} as
 * well
 */
@Validated
@ConfigurationProperties("gateway.web")
public record WebLimitsProperties(@DefaultValue("1MB") @NotNull DataSize maxBodySize,
        @DefaultValue("10s") @NotNull Duration bodyReadTimeout) {

    public WebLimitsProperties {
        if (maxBodySize.toBytes() <= 0) {
            throw new IllegalArgumentException("gateway.web.max-body-size must be positive");
        }
        if (bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()) {
            throw new IllegalArgumentException("gateway.web.body-read-timeout must be positive");
        }
    }
}
