package com.aimedia.gateway.api.task;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param unstoredTaskWindow {@code gateway.api.unstored-task-window}: how long after its
 * creation a task id that verifies but is not stored is answered {@code queued}
 * (read-your-writes while the orchestrator lags); an older one was never accepted or is
 * gone, and answers 404
 */
@Validated
@ConfigurationProperties("gateway.api")
public record UnstoredTaskProperties(@DefaultValue("24h") @NotNull Duration unstoredTaskWindow) {

    public UnstoredTaskProperties {
        if (unstoredTaskWindow.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException(
                    "gateway.api.unstored-task-window must be at least 1m, was " + unstoredTaskWindow);
        }
    }
}
