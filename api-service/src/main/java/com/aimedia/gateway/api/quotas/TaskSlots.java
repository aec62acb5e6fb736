package com.aimedia.gateway.api.quotas;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import com.aimedia.gateway.api.quotas.GroupedWrites.Pending;
import com.aimedia.gateway.platform.readmodel.TaskReadModel;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;

/**
 * {@code task_slots}: one document per accepted task that may still be in flight,
 * {@code {_id: task id, tenant_id, key_id, created_at}}, counted in
 * {@link InFlightCounts}. A slot is freed lazily: when a tenant or key reaches its limit,
 * the tenant's slots whose task is terminal in {@code tasks} (read-only here) are deleted
 * and given back to the counts, and only then is the count final. That needs no consumer
 * of the event stream in this service and reads at most a limit's worth of tasks.
 * Concurrent submits' slots are inserted together ({@link GroupedWrites}).
 */
@Repository
class TaskSlots implements AutoCloseable {

    static final String TENANT_ID = "tenant_id";
    static final String KEY_ID = "key_id";

    private final MongoCollection<Document> slots;

    private final MongoCollection<Document> tasks;

    private final GroupedWrites<Document, Boolean> inserts = new GroupedWrites<>("task-slot-inserts", this::insertAll);

    TaskSlots(MongoDatabase database) {
        this.slots = database.getCollection("task_slots");
        this.tasks = database.getCollection(TaskReadModel.COLLECTION);
        slots.createIndex(Indexes.ascending(TENANT_ID));
    }

    void insert(String taskId, String tenantId, String keyId, Instant now) {
        GroupedWrites.await(beginInsert(taskId, tenantId, keyId, now));
    }

    /**
     * Starts the slot's insert, to be awaited while the request does other work;
     * @return its outcome, failed if the slot was not inserted
     */
    CompletableFuture<Boolean> beginInsert(String taskId, String tenantId, String keyId, Instant now) {
        return inserts.submit(new Document("_id", taskId).append(TENANT_ID, tenantId)
            .append(KEY_ID, keyId)
            .append("created_at", Date.from(now)));
    }

    /**
     * Unordered, so one slot's error (none is expected: task ids are unique) fails only
     * its submit.
     */
    private void insertAll(List<Pending<Document, Boolean>> group) {
        try {
            slots.insertMany(group.stream().map(Pending::item).toList(), new InsertManyOptions().ordered(false));
            group.forEach(pending -> pending.succeed(true));
        }
        catch (MongoBulkWriteException e) {
            Set<Integer> failed = new HashSet<>();
            e.getWriteErrors().forEach(error -> failed.add(error.getIndex()));
            for (int i = 0; i < group.size(); i++) {
                if (failed.contains(i)) {
                    group.get(i).fail(e);
                }
                else {
                    group.get(i).succeed(true);
                }
            }
        }
    }

    @Override
    public void close() {
        inserts.close();
    }

    /**
     * @return whether the slot was there (and is gone now)
     */
    boolean delete(String taskId) {
        return slots.deleteOne(Filters.eq("_id", taskId)).getDeletedCount() > 0;
    }

    /** The tenant's slots, by key id. */
    Map<String, Long> heldByKey(String tenantId) {
        Map<String, Long> held = new HashMap<>();
        slots.find(Filters.eq(TENANT_ID, tenantId))
            .projection(Projections.include(KEY_ID))
            .forEach(slot -> held.merge(keyOf(slot), 1L, Long::sum));
        return held;
    }

    /**
     * Deletes the tenant's slots whose task has ended; @return how many this call
     * deleted, by key id (a slot another replica deleted first is not counted here)
     */
    Map<String, Long> releaseFinished(String tenantId) {
        Map<String, String> keyByTask = new HashMap<>();
        slots.find(Filters.eq(TENANT_ID, tenantId))
            .projection(Projections.include("_id", KEY_ID))
            .forEach(slot -> keyByTask.put(slot.getString("_id"), keyOf(slot)));
        if (keyByTask.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> finishedByKey = new HashMap<>();
        Bson ended = Filters.and(Filters.in(TaskReadModel.ID, keyByTask.keySet()),
                Filters.in(TaskReadModel.STATUS, TaskReadModel.TERMINAL));
        tasks.find(ended).projection(Projections.include(TaskReadModel.ID)).forEach(task -> {
            String taskId = task.getString(TaskReadModel.ID);
            finishedByKey.computeIfAbsent(keyByTask.get(taskId), key -> new ArrayList<>()).add(taskId);
        });
        Map<String, Long> released = new HashMap<>();
        finishedByKey.forEach((key, taskIds) -> {
            long deleted = slots.deleteMany(Filters.in("_id", taskIds)).getDeletedCount();
            if (deleted > 0) {
                released.put(key, deleted);
            }
        });
        return released;
    }

    private static String keyOf(Document slot) {
        String keyId = slot.getString(KEY_ID);
        return keyId == null ? "" : keyId;
    }

}
