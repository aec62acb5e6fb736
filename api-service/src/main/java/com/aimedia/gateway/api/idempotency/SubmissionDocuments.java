package com.aimedia.gateway.api.idempotency;

import java.util.Date;
import java.util.TreeMap;

import org.bson.Document;

import com.aimedia.gateway.api.submission.Submission;

/**
 * Maps a {@link Submission} to and from the {@code event} sub-document of
 * {@code idempotency_keys}.
 */
final class SubmissionDocuments {

    private SubmissionDocuments() {
    }

    static Document toDocument(Submission submission) {
        return new Document("event_id", submission.eventId()).append("task_id", submission.taskId())
            .append("tenant_id", submission.tenantId())
            .append("model", submission.model())
            .append("provider", submission.provider())
            .append("provider_model", submission.providerModel())
            .append("input", submission.input())
            .append("callback_url", submission.callbackUrl())
            .append("created_at", Date.from(submission.createdAt()))
            .append("occurred_at", Date.from(submission.occurredAt()))
            .append("metadata", submission.metadata().isEmpty() ? null : new Document(submission.metadataMap()))
            .append("webhook_events", submission.webhookEvents())
            .append("video_seconds", submission.videoSeconds());
    }

    static Submission fromDocument(Document event) {
        return new Submission(event.getString("event_id"), event.getString("task_id"), event.getString("tenant_id"),
                event.getString("model"), event.getString("provider"), event.getString("provider_model"),
                event.getString("input"), event.getString("callback_url"), event.getDate("created_at").toInstant(),
                event.getDate("occurred_at").toInstant(), metadata(event),
                event.getList("webhook_events", String.class), event.getInteger("video_seconds"));
    }

    private static TreeMap<String, String> metadata(Document event) {
        TreeMap<String, String> metadata = new TreeMap<>();
        Document stored = event.get("metadata", Document.class);
        if (stored != null) {
            stored.forEach((key, value) -> metadata.put(key, String.valueOf(value)));
        }
        return metadata;
    }

}
