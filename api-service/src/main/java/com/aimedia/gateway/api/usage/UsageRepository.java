package com.aimedia.gateway.api.usage;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import com.aimedia.gateway.platform.readmodel.TaskReadModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * Reads the orchestrator's {@code tasks} read model for usage: a tenant's tasks created
 * in a time range, through the {@code tenant_id, created_at} index, only the fields usage
 * counts.
 */
@Repository
class UsageRepository {

    /** What usage counts of one task. */
    record UsedTask(String model, String status, Instant createdAt, int outputs, @Nullable Integer videoSeconds) {
    }

    private final MongoCollection<Document> tasks;

    UsageRepository(MongoDatabase database) {
        this.tasks = database.getCollection(TaskReadModel.COLLECTION);
    }

    void forEachCreated(String tenantId, Instant start, Instant end, Consumer<UsedTask> action) {
        tasks
            .find(Filters.and(Filters.eq(TaskReadModel.TENANT_ID, tenantId),
                    Filters.gte(TaskReadModel.CREATED_AT, Date.from(start)),
                    Filters.lt(TaskReadModel.CREATED_AT, Date.from(end))))
            .projection(Projections.include(TaskReadModel.MODEL, TaskReadModel.STATUS, TaskReadModel.CREATED_AT,
                    TaskReadModel.OUTPUTS, TaskReadModel.VIDEO_SECONDS))
            .forEach(task -> action.accept(new UsedTask(task.getString(TaskReadModel.MODEL),
                    task.getString(TaskReadModel.STATUS), task.getDate(TaskReadModel.CREATED_AT).toInstant(),
                    task.getList(TaskReadModel.OUTPUTS, String.class, List.of()).size(),
                    task.getInteger(TaskReadModel.VIDEO_SECONDS))));
    }

}
