package com.aimedia.gateway.api.openai;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the alias reads of a stored task; {@code progress} is the highest the provider
 * reported (0-100), null if it reported none.
 */
record VideoRecord(String taskId, String model, String status, Instant createdAt, @Nullable Instant completedAt,
        List<String> outputs, @Nullable String error, @Nullable String errorCode, @Nullable Integer progress) {
}
