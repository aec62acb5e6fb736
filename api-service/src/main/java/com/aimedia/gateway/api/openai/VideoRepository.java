package com.aimedia.gateway.api.openai;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/** Reads {@code tasks} (owned by the orchestrator) for the video alias; always within the caller's tenant. */
@Repository
class VideoRepository {

    private static final Bson FIELDS = Projections.include("model", "status", "created_at", "completed_at", "outputs",
            "error", "error_code");

    private final MongoCollection<Document> tasks;

    VideoRepository(MongoDatabase database) {
        this.tasks = database.getCollection("tasks");
    }

    Optional<VideoRecord> find(String taskId, String tenantId) {
        return Optional.ofNullable(tasks.find(Filters.and(Filters.eq("_id", taskId), Filters.eq("tenant_id", tenantId)))
            .projection(FIELDS)
            .first()).filter(document -> document.getString("model") != null).map(VideoRepository::toRecord);
    }

    /** Newest first (or oldest first), after the given task, among the given models; {@code limit + 1} rows. */
    List<VideoRecord> page(String tenantId, Collection<String> models, @Nullable VideoRecord after, boolean ascending,
            int limit) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("tenant_id", tenantId), Filters.in("model", models)));
        if (after != null) {
            java.util.Date at = java.util.Date.from(after.createdAt());
            filters.add(ascending
                    ? Filters.or(Filters.gt("created_at", at), Filters.and(Filters.eq("created_at", at), Filters.gt("_id", after.taskId())))
                    : Filters.or(Filters.lt("created_at", at), Filters.and(Filters.eq("created_at", at), Filters.lt("_id", after.taskId()))));
        }
        List<VideoRecord> rows = new ArrayList<>();
        tasks.find(Filters.and(filters))
            .sort(ascending ? Sorts.ascending("created_at", "_id") : Sorts.descending("created_at", "_id"))
            .limit(limit + 1)
            .projection(FIELDS)
            .forEach(document -> rows.add(toRecord(document)));
        return rows;
    }

    private static VideoRecord toRecord(Document document) {
        java.util.Date completed = document.getDate("completed_at");
        return new VideoRecord(document.getString("_id"), document.getString("model"), document.getString("status"),
                document.getDate("created_at").toInstant(), completed == null ? null : completed.toInstant(),
                document.getList("outputs", String.class, List.of()), document.getString("error"),
                document.getString("error_code"));
    }
}
