package com.aimedia.gateway.api.task;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param cancelWait {@code gateway.api.cancel-wait}: how long a cancel request waits for
 * the task to end before it answers 202 with the task as it is
 */
@Validated
@ConfigurationProperties("gateway.api")
public record CancelProperties(@DefaultValue("5s") @NotNull Duration cancelWait) {
}
