package com.aimedia.gateway.api.idempotency;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param retention {@code gateway.api.idempotency.retention}: how long a key is
 * remembered (a TTL index on {@code created_at}; MongoDB removes expired keys within
 * about a minute after that)
 */
@Validated
@ConfigurationProperties("gateway.api.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") @NotNull Duration retention) {
}
