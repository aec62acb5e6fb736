package com.aimedia.gateway.api.task;

import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/** Reads {@code tasks} (owned and written by the orchestrator): only the rendered public body, {@code view}. */
@Repository
class TaskViewRepository {

    private final MongoCollection<Document> tasks;

    TaskViewRepository(MongoDatabase database) {
        this.tasks = database.getCollection("tasks");
    }

    /** What a cancel needs to know of a stored task. */
    record StoredStatus(String status, String provider, String view) {

        boolean isTerminal() {
            return status.equals("completed") || status.equals("failed");
        }
    }

    /** The tenant's stored task's status, provider and body; empty if not stored (yet) for this tenant. */
    Optional<StoredStatus> findStatus(String taskId, String tenantId) {
        Document task = tasks.find(Filters.and(Filters.eq("_id", taskId), Filters.eq("tenant_id", tenantId)))
            .projection(Projections.include("status", "provider", "view"))
            .first();
        return Optional.ofNullable(task).filter(document -> document.getString("view") != null)
            .map(document -> new StoredStatus(document.getString("status"), document.getString("provider"),
                    document.getString("view")));
    }

    /** One entry of a task's status history. */
    record StatusEntry(String status, java.time.Instant at, long version) {
    }

    /**
     * The tenant's task's status history as the orchestrator recorded it ({@code status_history}), oldest first;
     * empty if there is no such task for this tenant (yet). A task stored before the history was recorded gets
     * one entry for its current status at its {@code updated_at}.
     */
    Optional<java.util.List<StatusEntry>> findHistory(String taskId, String tenantId) {
        Document task = tasks.find(Filters.and(Filters.eq("_id", taskId), Filters.eq("tenant_id", tenantId)))
            .projection(Projections.include("status_history", "status", "updated_at", "version"))
            .first();
        return Optional.ofNullable(task).map(TaskViewRepository::history);
    }

    private static java.util.List<StatusEntry> history(Document task) {
        java.util.List<Document> recorded = task.getList("status_history", Document.class, java.util.List.of());
        if (recorded.isEmpty() && task.getDate("updated_at") != null && task.get("version") != null) {
            return java.util.List.of(new StatusEntry(task.getString("status"), task.getDate("updated_at").toInstant(),
                    task.get("version", Number.class).longValue()));
        }
        return recorded.stream()
            .map(entry -> new StatusEntry(entry.getString("status"), entry.getDate("at").toInstant(),
                    entry.get("version", Number.class).longValue()))
            .toList();
    }

    /** The stored public body of the tenant's task; empty if there is no such task for this tenant (yet). */
    Optional<String> findView(String taskId, String tenantId) {
        Document task = tasks.find(Filters.and(Filters.eq("_id", taskId), Filters.eq("tenant_id", tenantId)))
            .projection(Projections.include("view"))
            .first();
        return Optional.ofNullable(task).map(document -> document.getString("view"));
    }
}
