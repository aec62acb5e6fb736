package com.aimedia.gateway.workers.submission;

import java.time.Instant;

/**
 * Submit one task to its provider (from {@code TaskSubmitted}).
 *
 * @param model the public model id as the client sent it
 * @param providerModel the provider's own model name the public id resolved to
 * @param input the validated model input, as a JSON object
 * @param createdAt when the task was created (from its id)
 */
public record SubmitTask(String taskId, String provider, String tenantId, String model, String providerModel,
        String input, Instant createdAt) {
}
