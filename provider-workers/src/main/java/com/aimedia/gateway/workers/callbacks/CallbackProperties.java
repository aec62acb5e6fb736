package com.aimedia.gateway.workers.callbacks;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Provider callbacks.
 *
 * @param maxBodySize the largest callback body read (413 above); only read once the URL's
 * signature verified. Provider callbacks carry a task's status, not its files: a few KB,
 * Replicate's with logs more
 */
@Validated
@ConfigurationProperties("gateway.workers.callbacks")
public record CallbackProperties(@DefaultValue("256KB") @NotNull DataSize maxBodySize) {

    public CallbackProperties {
        if (maxBodySize.toBytes() <= 0 || maxBodySize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "gateway.workers.callbacks.max-body-size must be between 1 byte and 2GB");
        }
    }
}
