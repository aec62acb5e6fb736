package com.aimedia.gateway.api.listing;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.aimedia.gateway.platform.readmodel.TaskReadModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;

/**
 * Reads pages of {@code tasks} (owned and written by the orchestrator): the rendered view
 * and the page's key.
 */
@Repository
class TaskListRepository {

    private final MongoCollection<Document> tasks;

    TaskListRepository(MongoDatabase database) {
        this.tasks = database.getCollection(TaskReadModel.COLLECTION);
    }

    /** Up to {@code limit + 1} rows, so the caller knows whether there is a next page. */
    List<Row> find(TaskListQuery query) {
        List<Row> rows = new ArrayList<>();
        tasks.find(query.filter())
            .sort(TaskListQuery.SORT)
            .limit(query.limit() + 1)
            .projection(Projections.include(TaskReadModel.ID, TaskReadModel.CREATED_AT, TaskReadModel.VIEW))
            .forEach(task -> {
                String view = task.getString(TaskReadModel.VIEW);
                if (view != null) {
                    rows.add(new Row(task.getString(TaskReadModel.ID),
                            task.getDate(TaskReadModel.CREATED_AT).toInstant(), view));
                }
            });
        return rows;
    }

    record Row(String taskId, java.time.Instant createdAt, String view) {
    }

}
