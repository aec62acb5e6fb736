package com.aimedia.gateway.api.task;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.aimedia.gateway.api.submission.Submission;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/**
 * {@code task_metadata} (owned by api-service): the metadata of a submitted task, written
 * before its TaskSubmitted is published, so the queued answer for a task the orchestrator
 * has not stored yet (read-your-writes, rendered from the task id) shows the same
 * metadata as the submit answer and the orchestrator's version 1. A submit without
 * metadata writes nothing. Keyed by task id, so a repeated write (an idempotent replay)
 * changes nothing.
 */
@Repository
class TaskMetadataStore {

    static final String COLLECTION = "task_metadata";

    private final MongoCollection<Document> metadata;

    TaskMetadataStore(MongoDatabase database) {
        this.metadata = database.getCollection(COLLECTION);
    }

    void save(Submission submission) {
        if (submission.metadata().isEmpty()) {
            return;
        }
        metadata.replaceOne(Filters.eq("_id", submission.taskId()),
                new Document("_id", submission.taskId()).append("tenant_id", submission.tenantId())
                    .append("metadata", new Document(submission.metadataMap()))
                    .append("created_at", java.util.Date.from(submission.createdAt())),
                new ReplaceOptions().upsert(true));
    }

    /** The tenant's task's metadata; empty when it has none (or is another tenant's). */
    SortedMap<String, String> find(String taskId, String tenantId) {
        Document found = metadata.find(Filters.and(Filters.eq("_id", taskId), Filters.eq("tenant_id", tenantId)))
            .first();
        SortedMap<String, String> values = new TreeMap<>();
        Document stored = found == null ? null : found.get("metadata", Document.class);
        if (stored != null) {
            for (Map.Entry<String, Object> entry : stored.entrySet()) {
                values.put(entry.getKey(), String.valueOf(entry.getValue()));
            }
        }
        return values;
    }

}
