package com.aimedia.gateway.workers.outputs;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Copying outputs from providers into the store ({@code gateway.storage} says which store).
 *
 * @param downloadTimeout the longest a copy of one output from the provider may take
 * @param maxSize the largest output that is copied; a larger one fails the copy
 */
@Validated
@ConfigurationProperties("gateway.workers.outputs")
public record OutputProperties(@DefaultValue("5m") @NotNull Duration downloadTimeout,
        @DefaultValue("2GB") @NotNull DataSize maxSize) {

    public OutputProperties {
        if (downloadTimeout.isNegative() || downloadTimeout.isZero()) {
            throw new IllegalArgumentException("gateway.workers.outputs.download-timeout must be positive");
        }
    }
}
