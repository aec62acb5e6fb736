package com.aimedia.gateway.api.quotas;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import com.aimedia.gateway.platform.readmodel.TaskReadModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;

/**
 * {@code task_slots}: one document per accepted task that may still be in flight,
 * {@code {_id: task id, tenant_id, key_id, created_at}}. A slot is freed lazily: when a
 * tenant or key reaches its limit, the slots whose task is terminal in {@code tasks}
 * (read-only here) are deleted, and only then is the count final. That needs no consumer
 * of the event stream in this service and reads at most a limit's worth of tasks.
 */
@Repository
class TaskSlots {

    static final String TENANT_ID = "tenant_id";
    static final String KEY_ID = "key_id";

    private final MongoCollection<Document> slots;

    private final MongoCollection<Document> tasks;

    TaskSlots(MongoDatabase database) {
        this.slots = database.getCollection("task_slots");
        this.tasks = database.getCollection(TaskReadModel.COLLECTION);
        slots.createIndex(Indexes.ascending(TENANT_ID));
        slots.createIndex(Indexes.ascending(KEY_ID));
    }

    void insert(String taskId, String tenantId, String keyId, Instant now) {
        slots.insertOne(new Document("_id", taskId).append(TENANT_ID, tenantId)
            .append(KEY_ID, keyId)
            .append("created_at", Date.from(now)));
    }

    void delete(String taskId) {
        slots.deleteOne(Filters.eq("_id", taskId));
    }

    long count(String field, String value) {
        return slots.countDocuments(Filters.eq(field, value));
    }

    /**
     * Deletes the slots of {@code field = value} whose task has ended; @return how many
     */
    long releaseFinished(String field, String value) {
        List<String> taskIds = new ArrayList<>();
        slots.find(Filters.eq(field, value))
            .projection(Projections.include("_id"))
            .forEach(slot -> taskIds.add(slot.getString("_id")));
        if (taskIds.isEmpty()) {
            return 0;
        }
        List<String> finished = new ArrayList<>();
        Bson ended = Filters.and(Filters.in(TaskReadModel.ID, taskIds),
                Filters.in(TaskReadModel.STATUS, TaskReadModel.TERMINAL));
        tasks.find(ended)
            .projection(Projections.include(TaskReadModel.ID))
            .forEach(task -> finished.add(task.getString(TaskReadModel.ID)));
        return finished.isEmpty() ? 0 : slots.deleteMany(Filters.in("_id", finished)).getDeletedCount();
    }

}
