package com.aimedia.gateway.api.task;

import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.aimedia.gateway.platform.readmodel.TaskReadModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * Reads {@code tasks} (owned and written by the orchestrator): only the rendered public
 * body, {@code view}.
 */
@Repository
class TaskViewRepository {

    private final MongoCollection<Document> tasks;

    TaskViewRepository(MongoDatabase database) {
        this.tasks = database.getCollection(TaskReadModel.COLLECTION);
    }

    /** What a cancel needs to know of a stored task. */
    record StoredStatus(String status, String provider, String view) {

        boolean isTerminal() {
            return TaskReadModel.TERMINAL.contains(status);
        }
    }

    /**
     * The tenant's stored task's status, provider and body; empty if not stored (yet) for
     * this tenant.
     */
    Optional<StoredStatus> findStatus(String taskId, String tenantId) {
        Document task = tasks
            .find(Filters.and(Filters.eq(TaskReadModel.ID, taskId), Filters.eq(TaskReadModel.TENANT_ID, tenantId)))
            .projection(Projections.include(TaskReadModel.STATUS, TaskReadModel.PROVIDER, TaskReadModel.VIEW))
            .first();
        return Optional.ofNullable(task)
            .filter(document -> document.getString(TaskReadModel.VIEW) != null)
            .map(document -> new StoredStatus(document.getString(TaskReadModel.STATUS),
                    document.getString(TaskReadModel.PROVIDER), document.getString(TaskReadModel.VIEW)));
    }

    /** One entry of a task's status history. */
    record StatusEntry(String status, java.time.Instant at, long version) {
    }

    /**
     * The tenant's task's status history as the orchestrator recorded it
     * ({@code status_history}), oldest first; empty if there is no such task for this
     * tenant (yet). A task stored before the history was recorded gets one entry for its
     * current status at its {@code updated_at}.
     */
    Optional<java.util.List<StatusEntry>> findHistory(String taskId, String tenantId) {
        Document task = tasks
            .find(Filters.and(Filters.eq(TaskReadModel.ID, taskId), Filters.eq(TaskReadModel.TENANT_ID, tenantId)))
            .projection(Projections.include(TaskReadModel.STATUS_HISTORY, TaskReadModel.STATUS,
                    TaskReadModel.UPDATED_AT, TaskReadModel.VERSION))
            .first();
        return Optional.ofNullable(task).map(TaskViewRepository::history);
    }

    private static java.util.List<StatusEntry> history(Document task) {
        java.util.List<Document> recorded = task.getList(TaskReadModel.STATUS_HISTORY, Document.class,
                java.util.List.of());
        if (recorded.isEmpty() && task.getDate(TaskReadModel.UPDATED_AT) != null
                && task.get(TaskReadModel.VERSION) != null) {
            return java.util.List.of(new StatusEntry(task.getString(TaskReadModel.STATUS),
                    task.getDate(TaskReadModel.UPDATED_AT).toInstant(),
                    task.get(TaskReadModel.VERSION, Number.class).longValue()));
        }
        return recorded.stream()
            .map(entry -> new StatusEntry(entry.getString(TaskReadModel.HISTORY_STATUS),
                    entry.getDate(TaskReadModel.HISTORY_AT).toInstant(),
                    entry.get(TaskReadModel.HISTORY_VERSION, Number.class).longValue()))
            .toList();
    }

    /**
     * The stored public body of the tenant's task; empty if there is no such task for
     * this tenant (yet).
     */
    Optional<String> findView(String taskId, String tenantId) {
        Document task = tasks
            .find(Filters.and(Filters.eq(TaskReadModel.ID, taskId), Filters.eq(TaskReadModel.TENANT_ID, tenantId)))
            .projection(Projections.include(TaskReadModel.VIEW))
            .first();
        return Optional.ofNullable(task).map(document -> document.getString(TaskReadModel.VIEW));
    }

}
