package com.aimedia.gateway.api.submission;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A task submission the API accepted: everything TaskSubmitted carries. Replaying an idempotent request republishes
 * exactly this value.
 * @param eventId UUID of the TaskSubmitted event
 * @param taskId the public task id
 * @param tenantId the submitting tenant
 * @param model the public model id as sent
 * @param provider the provider id
 * @param providerModel the provider's model name the public id resolved to
 * @param input the validated input object as compact JSON
 * @param callbackUrl the checked callback URL, or null
 * @param createdAt the creation time carried in the task id
 * @param occurredAt when the submission was accepted
 */
public record Submission(String eventId, String taskId, String tenantId, String model, String provider,
        String providerModel, String input, @Nullable String callbackUrl, Instant createdAt, Instant occurredAt) {
}
