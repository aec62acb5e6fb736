package com.aimedia.gateway.api.tenants;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/** Maps tenants to and from {@code tenants} documents. */
final class TenantDocuments {

    private TenantDocuments() {
    }

    static Document toDocument(TenantRecord tenant) {
        return new Document("_id", tenant.id()).append("name", tenant.name())
            .append("created_at", Date.from(tenant.createdAt()))
            .append("limits", limits(tenant.limits()))
            .append("model_access", access(tenant.modelAccess()));
    }

    /**
     * The {@code $set} of the settings; a null value is stored as null, which reads back
     * as "default".
     */
    static Document settings(TenantLimits limits, ModelAccess access) {
        return new Document("limits", limits(limits)).append("model_access", access(access));
    }

    static TenantRecord toRecord(Document document) {
        Document limits = document.get("limits", new Document());
        Document access = document.get("model_access", new Document());
        Date created = document.getDate("created_at");
        return new TenantRecord(document.getString("_id"), document.get("name", document.getString("_id")),
                created == null ? Instant.EPOCH : created.toInstant(),
                new TenantLimits(integer(limits, "requests_per_second"), integer(limits, "tasks_in_flight"),
                        integer(limits, "key_requests_per_second"), integer(limits, "key_tasks_in_flight")),
                new ModelAccess(strings(access, "providers"), strings(access, "models"),
                        strings(access, "replicate_owners")));
    }

    private static Document limits(TenantLimits limits) {
        return new Document("requests_per_second", limits.requestsPerSecond())
            .append("tasks_in_flight", limits.tasksInFlight())
            .append("key_requests_per_second", limits.keyRequestsPerSecond())
            .append("key_tasks_in_flight", limits.keyTasksInFlight());
    }

    private static Document access(ModelAccess access) {
        return new Document("providers", access.providers()).append("models", access.models())
            .append("replicate_owners", access.replicateOwners());
    }

    private static @Nullable Integer integer(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? null : value.intValue();
    }

    private static @Nullable List<String> strings(Document document, String field) {
        return document.getList(field, String.class);
    }

}
