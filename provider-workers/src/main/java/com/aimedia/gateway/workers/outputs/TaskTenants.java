package com.aimedia.gateway.workers.outputs;

import static com.mongodb.client.model.Filters.eq;

import java.util.Optional;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;

/**
 * The tenant of a task, from {@code submissions} (this service's own collection; the
 * submission step records {@code tenant_id} when it first sees the task). It decides the
 * retention and the daily byte limit of the outputs.
 */
final class TaskTenants {

    private final MongoCollection<Document> submissions;

    TaskTenants(MongoDatabase database) {
        this.submissions = database.getCollection("submissions");
    }

    /**
     * Empty for a task recorded before tenants were (it gets the default retention and no
     * byte limit).
     */
    Optional<String> tenantOf(String taskId) {
        Document submission = submissions.find(eq("_id", taskId)).projection(Projections.include("tenant_id")).first();
        return Optional.ofNullable(submission).map(document -> document.getString("tenant_id"));
    }

}
