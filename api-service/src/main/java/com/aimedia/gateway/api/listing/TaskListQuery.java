package com.aimedia.gateway.api.listing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.platform.readmodel.TaskReadModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

/**
 * One page request of the listing, and the MongoDB query for it. The filter starts with
 * the tenant's equality and a range on {@code created_at}, and the sort is
 * {@code created_at, _id} descending: the index {@code {tenant_id, created_at, _id}}
 * serves both, walked backwards; status and model only filter within it.
 *
 * @param statuses empty for every status
 * @param createdFrom inclusive lower bound, or null
 * @param createdTo exclusive upper bound, or null
 * @param after the last task of the previous page, or null for the first page
 * @param limit the page size
 */
record TaskListQuery(String tenantId, Set<String> statuses, @Nullable String model, @Nullable Instant createdFrom,
        @Nullable Instant createdTo, @Nullable Cursor after, int limit) {

    static final Bson SORT = Sorts.descending(TaskReadModel.CREATED_AT, TaskReadModel.ID);

    /** Where a page ended: the last task's creation time and id. */
    record Cursor(Instant createdAt, String taskId) {
    }

    Bson filter() {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq(TaskReadModel.TENANT_ID, tenantId));
        if (createdFrom != null) {
            filters.add(Filters.gte(TaskReadModel.CREATED_AT, Date.from(createdFrom)));
        }
        if (createdTo != null) {
            filters.add(Filters.lt(TaskReadModel.CREATED_AT, Date.from(createdTo)));
        }
        if (after != null) {
            Date at = Date.from(after.createdAt());
            filters.add(Filters.or(Filters.lt(TaskReadModel.CREATED_AT, at), Filters
                .and(Filters.eq(TaskReadModel.CREATED_AT, at), Filters.lt(TaskReadModel.ID, after.taskId()))));
        }
        if (!statuses.isEmpty()) {
            filters.add(Filters.in(TaskReadModel.STATUS, statuses));
        }
        if (model != null) {
            filters.add(Filters.eq(TaskReadModel.MODEL, model));
        }
        return Filters.and(filters);
    }
}
