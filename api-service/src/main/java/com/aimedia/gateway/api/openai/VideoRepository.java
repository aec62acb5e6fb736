package com.aimedia.gateway.api.openai;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import com.aimedia.gateway.platform.readmodel.TaskReadModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/**
 * Reads {@code tasks} (owned by the orchestrator) for the video alias; always within the
 * caller's tenant.
 */
@Repository
class VideoRepository {

    private static final Bson FIELDS = Projections.include(TaskReadModel.MODEL, TaskReadModel.STATUS,
            TaskReadModel.CREATED_AT, TaskReadModel.COMPLETED_AT, TaskReadModel.OUTPUTS, TaskReadModel.ERROR,
            TaskReadModel.ERROR_CODE, TaskReadModel.PROGRESS);

    private final MongoCollection<Document> tasks;

    VideoRepository(MongoDatabase database) {
        this.tasks = database.getCollection(TaskReadModel.COLLECTION);
    }

    Optional<VideoRecord> find(String taskId, String tenantId) {
        return Optional
            .ofNullable(tasks
                .find(Filters.and(Filters.eq(TaskReadModel.ID, taskId), Filters.eq(TaskReadModel.TENANT_ID, tenantId)))
                .projection(FIELDS)
                .first())
            .filter(document -> document.getString(TaskReadModel.MODEL) != null)
            .map(VideoRepository::toRecord);
    }

    /**
     * Newest first (or oldest first), after the given task, among the given models;
     * {@code limit + 1} rows.
     */
    List<VideoRecord> page(String tenantId, Collection<String> models, @Nullable VideoRecord after, boolean ascending,
            int limit) {
        List<Bson> filters = new ArrayList<>(
                List.of(Filters.eq(TaskReadModel.TENANT_ID, tenantId), Filters.in(TaskReadModel.MODEL, models)));
        if (after != null) {
            java.util.Date at = java.util.Date.from(after.createdAt());
            filters.add(ascending
                    ? Filters.or(Filters.gt(TaskReadModel.CREATED_AT, at),
                            Filters.and(Filters.eq(TaskReadModel.CREATED_AT, at),
                                    Filters.gt(TaskReadModel.ID, after.taskId())))
                    : Filters.or(Filters.lt(TaskReadModel.CREATED_AT, at), Filters
                        .and(Filters.eq(TaskReadModel.CREATED_AT, at), Filters.lt(TaskReadModel.ID, after.taskId()))));
        }
        List<VideoRecord> rows = new ArrayList<>();
        tasks.find(Filters.and(filters))
            .sort(ascending ? Sorts.ascending(TaskReadModel.CREATED_AT, TaskReadModel.ID)
                    : Sorts.descending(TaskReadModel.CREATED_AT, TaskReadModel.ID))
            .limit(limit + 1)
            .projection(FIELDS)
            .forEach(document -> rows.add(toRecord(document)));
        return rows;
    }

    private static VideoRecord toRecord(Document document) {
        java.util.Date completed = document.getDate(TaskReadModel.COMPLETED_AT);
        return new VideoRecord(document.getString(TaskReadModel.ID), document.getString(TaskReadModel.MODEL),
                document.getString(TaskReadModel.STATUS), document.getDate(TaskReadModel.CREATED_AT).toInstant(),
                completed == null ? null : completed.toInstant(),
                document.getList(TaskReadModel.OUTPUTS, String.class, List.of()),
                document.getString(TaskReadModel.ERROR), document.getString(TaskReadModel.ERROR_CODE),
                document.getInteger(TaskReadModel.PROGRESS));
    }

}
