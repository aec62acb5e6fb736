package com.aimedia.gateway.api.task;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBodySize {@code gateway.api.max-body-size}: the largest submit body accepted
 * (413 above), enforced by a bounded read whether or not the client sent Content-Length
 */
@Validated
@ConfigurationProperties("gateway.api")
public record SubmitProperties(@DefaultValue("1MB") @NotNull DataSize maxBodySize) {
}
