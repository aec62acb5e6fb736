package com.aimedia.gateway.api.submission;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * A task submission the API accepted: everything TaskSubmitted carries. Replaying an
 * idempotent request republishes exactly this value.
 *
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
 * @param metadata the client's metadata (sorted by key, the order every task body shows
 * it in); empty when none
 * @param webhookEvents the task's webhook filter, or null for every status change
 * @param videoSeconds the length of video the request asks for, or null (not a video, or
 * the provider's default)
 */
public record Submission(String eventId, String taskId, String tenantId, String model, String provider,
        String providerModel, String input, @Nullable String callbackUrl, Instant createdAt, Instant occurredAt,
        SortedMap<String, String> metadata, @Nullable List<String> webhookEvents, @Nullable Integer videoSeconds) {

    public Submission {
        metadata = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
        webhookEvents = webhookEvents == null ? null : List.copyOf(webhookEvents);
    }

    /** The metadata as a plain map (for the Avro edge). */
    public Map<String, String> metadataMap() {
        return new java.util.LinkedHashMap<>(metadata);
    }
}
