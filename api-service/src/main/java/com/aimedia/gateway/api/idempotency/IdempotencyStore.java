package com.aimedia.gateway.api.idempotency;

import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import com.aimedia.gateway.api.submission.Submission;

/**
 * {@code idempotency_keys}: {@code {_id: tenant + ":" + key, tenant_id, request_hash,
 * task_id, event: {...}, created_at}}. A key is claimed by inserting first; the unique
 * {@code _id} decides between concurrent requests.
 */
@Repository
public class IdempotencyStore {

    static final String COLLECTION = "idempotency_keys";

    private static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);

    private final MongoCollection<Document> keys;

    IdempotencyStore(MongoDatabase database, IdempotencyProperties properties) {
        this.keys = database.getCollection(COLLECTION);
        keys.createIndex(Indexes.ascending("created_at"), new IndexOptions().name("created_at_ttl")
            .expireAfter(properties.retention().toSeconds(), TimeUnit.SECONDS));
    }

    /**
     * Records {@code submission} under the key unless the key is already taken.
     * @param requestHash a hash of the request's canonical form; a different hash under
     * the same key is a conflict
     */
    public IdempotencyOutcome claim(String tenantId, String key, String requestHash, Submission submission,
            Instant now) {
        String id = tenantId + ":" + key;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                keys.insertOne(new Document("_id", id).append("tenant_id", tenantId)
                    .append("request_hash", requestHash)
                    .append("task_id", submission.taskId())
                    .append("event", SubmissionDocuments.toDocument(submission))
                    .append("created_at", Date.from(now)));
                return new IdempotencyOutcome.Claimed();
            }
            catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document existing = keys.find(Filters.eq("_id", id)).first();
            if (existing != null) {
                return outcomeFor(existing, tenantId, requestHash);
            }
            // expired between our insert and our read: claim again
        }
        throw new IllegalStateException("idempotency key could not be claimed after " + ATTEMPTS + " attempts");
    }

    /**
     * Gives a claim back when its task was refused before it was published (over a
     * quota), so a retry with the same key is a fresh submission rather than a replay of
     * a task that never existed. Only the claimant's own task.
     */
    public void release(String tenantId, String key, String taskId) {
        keys.deleteOne(Filters.and(Filters.eq("_id", tenantId + ":" + key), Filters.eq("task_id", taskId)));
    }

    private static IdempotencyOutcome outcomeFor(Document existing, String tenantId, String requestHash) {
        boolean sameRequest = tenantId.equals(existing.getString("tenant_id"))
                && requestHash.equals(existing.getString("request_hash"));
        if (!sameRequest) {
            return new IdempotencyOutcome.Conflict();
        }
        Submission original = SubmissionDocuments.fromDocument(existing.get("event", Document.class));
        log.info("idempotent replay taskId={}", original.taskId());
        return new IdempotencyOutcome.Replay(original);
    }

}
