package com.aimedia.gateway.api.taskid;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Objects;

/**
 * The key that authenticates task ids. Checked here rather than with bean validation so
 * that a wrong value is never echoed into the start-up failure report.
 *
 * @param taskIdSecret {@code gateway.api.task-id-secret}: required, at least 32
 * characters, no default; changing it makes every existing task id unreadable
 */
@ConfigurationProperties("gateway.api")
public record TaskIdProperties(@Nullable String taskIdSecret) {

    public static final int MIN_SECRET_LENGTH = 32;

    public TaskIdProperties {
        if (taskIdSecret == null || taskIdSecret.isBlank()) {
            throw new IllegalArgumentException("gateway.api.task-id-secret is required (environment variable "
                    + "GATEWAY_API_TASK_ID_SECRET): set a random secret of at least " + MIN_SECRET_LENGTH
                    + " characters");
        }
        if (taskIdSecret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "gateway.api.task-id-secret is too short: it needs at least " + MIN_SECRET_LENGTH + " characters");
        }
    }

    /** The secret; never absent, the constructor refuses a missing one. */
    public String secret() {
        return Objects.requireNonNull(taskIdSecret);
    }

    /** Never print the secret. */
    @Override
    public String toString() {
        return "TaskIdProperties[taskIdSecret=***]";
    }
}
