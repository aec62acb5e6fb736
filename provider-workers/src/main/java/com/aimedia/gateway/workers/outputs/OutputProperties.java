package com.aimedia.gateway.workers.outputs;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own output store (used when {@code gateway.workers.public.base-url} is set).
 *
 * @param directory where copied outputs are kept (a volume shared by all provider-workers replicas)
 * @param urlTtl how long a download URL handed to a client stays valid
 * @param downloadTimeout the longest a copy of one output from the provider may take
 * @param maxSize the largest output that is copied; a larger one fails the copy
 */
@Validated
@ConfigurationProperties("gateway.workers.outputs")
public record OutputProperties(
        @DefaultValue("${java.io.tmpdir}/gateway-outputs") @NotNull Path directory,
        @DefaultValue("7d") @NotNull Duration urlTtl,
        @DefaultValue("5m") @NotNull Duration downloadTimeout,
        @DefaultValue("2GB") @NotNull DataSize maxSize) {

    public OutputProperties {
        if (urlTtl.isNegative() || urlTtl.isZero()) {
            throw new IllegalArgumentException("gateway.workers.outputs.url-ttl must be positive");
        }
        if (downloadTimeout.isNegative() || downloadTimeout.isZero()) {
            throw new IllegalArgumentException("gateway.workers.outputs.download-timeout must be positive");
        }
    }
}
