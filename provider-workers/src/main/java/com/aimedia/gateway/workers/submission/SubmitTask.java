package com.aimedia.gateway.workers.submission;

/**
 * Submit one task to its provider (from {@code TaskSubmitted}).
 *
 * @param model the public model id as the client sent it
 * @param providerModel the provider's own model name the public id resolved to
 * @param input the validated model input, as a JSON object
 */
public record SubmitTask(String taskId, String provider, String tenantId, String model, String providerModel,
        String input) {
}
