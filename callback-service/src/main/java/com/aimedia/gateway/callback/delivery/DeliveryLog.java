package com.aimedia.gateway.callback.delivery;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.platform.readmodel.TaskReadModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;

/**
 * What a tenant may see and do about its deliveries: list a task's deliveries with every
 * attempt, redeliver a task's latest state, and recover everything that was not delivered
 * since a point in time. A task of another tenant is indistinguishable from a missing
 * one.
 */
public class DeliveryLog {

    /** The most deliveries one recovery request re-sends. */
    public static final int MAX_RECOVER = 1000;

    private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);

    private final DeliveryRepository repository;

    private final Endpoints endpoints;

    private final MongoCollection<Document> tasks;

    private final Clock clock;

    DeliveryLog(DeliveryRepository repository, Endpoints endpoints, MongoDatabase database, Clock clock) {
        this.repository = repository;
        this.endpoints = endpoints;
        // read-only: the orchestrator owns tasks
        this.tasks = database.getCollection(TaskReadModel.COLLECTION);
        this.clock = clock;
    }

    /**
     * The task's deliveries, oldest version first; empty if the tenant has no such task.
     */
    public Optional<List<DeliveryView>> list(String tenantId, String taskId) {
        List<Document> deliveries = repository.forTask(tenantId, taskId);
        if (deliveries.isEmpty() && !taskExists(tenantId, taskId)) {
            return Optional.empty();
        }
        return Optional.of(deliveries.stream().map(DeliveryLog::view).toList());
    }

    /**
     * Sends the task's latest recorded version again, with the same webhook-id (the same
     * version is the same message), once; its URL takes deliveries again.
     */
    public Redelivery redeliver(String tenantId, String taskId) {
        List<Document> deliveries = repository.forTask(tenantId, taskId);
        if (deliveries.isEmpty()) {
            return new Redelivery.NotFound();
        }
        Document latest = deliveries.getLast();
        DeliveryState state = DeliveryState.of(latest.getString(DeliveryDocuments.STATE));
        if (state == DeliveryState.PENDING || state == DeliveryState.SENDING) {
            return new Redelivery.InProgress(view(latest));
        }
        endpoints.enable(latest.getString(DeliveryDocuments.ENDPOINT_ID));
        if (!repository.redeliver(latest.getString(DeliveryDocuments.ID), state, clock.instant())) {
            return new Redelivery.InProgress(view(latest));
        }
        log.info("webhook redelivery requested taskId={} version={}", taskId, latest.get(DeliveryDocuments.VERSION));
        return new Redelivery.Requested(view(repository.forTask(tenantId, taskId).getLast()));
    }

    /**
     * Re-sends every delivery of the tenant that ended failed or gone since {@code since}
     * and is still its task's latest version (a version that a newer one replaced is not
     * sent again); their URLs take deliveries again. Returns how many were re-sent.
     */
    public int recover(String tenantId, Instant since) {
        int requested = 0;
        for (Document delivery : repository.undeliveredSince(tenantId, since, MAX_RECOVER)) {
            String taskId = delivery.getString(DeliveryDocuments.TASK_ID);
            long version = delivery.get(DeliveryDocuments.VERSION, Number.class).longValue();
            if (repository.newerVersionExists(taskId, version)) {
                continue;
            }
            endpoints.enable(delivery.getString(DeliveryDocuments.ENDPOINT_ID));
            if (repository.redeliver(delivery.getString(DeliveryDocuments.ID),
                    DeliveryState.of(delivery.getString(DeliveryDocuments.STATE)), clock.instant())) {
                requested++;
            }
        }
        log.info("webhook recovery requested tenantId={} since={} count={}", tenantId, since, requested);
        return requested;
    }

    /** The answer to a redelivery request. */
    public sealed interface Redelivery {

        record Requested(DeliveryView delivery) implements Redelivery {
        }

        /** The latest version is still being delivered: nothing to redeliver yet. */
        record InProgress(DeliveryView delivery) implements Redelivery {
        }

        record NotFound() implements Redelivery {
        }

    }

    private boolean taskExists(String tenantId, String taskId) {
        return tasks.find(and(eq(TaskReadModel.ID, taskId), eq(TaskReadModel.TENANT_ID, tenantId)))
            .projection(Projections.include(TaskReadModel.ID))
            .first() != null;
    }

    private static DeliveryView view(Document document) {
        String reason = document.getString(DeliveryDocuments.REASON);
        Date next = document.getDate(DeliveryDocuments.NEXT_ATTEMPT_AT);
        DeliveryState state = DeliveryState.of(document.getString(DeliveryDocuments.STATE));
        return new DeliveryView(document.get(DeliveryDocuments.VERSION, Number.class).longValue(),
                document.getString(DeliveryDocuments.WEBHOOK_ID), document.getString(DeliveryDocuments.URL), state,
                reason == null ? null : AbandonReason.valueOf(reason.toUpperCase(Locale.ROOT)),
                document.get(DeliveryDocuments.ATTEMPT_COUNT, Number.class).intValue(),
                state == DeliveryState.PENDING && next != null ? next.toInstant() : null,
                document.getDate(DeliveryDocuments.CREATED_AT).toInstant(),
                document.getDate(DeliveryDocuments.UPDATED_AT).toInstant(),
                document.getList(DeliveryDocuments.ATTEMPTS, Document.class, List.of())
                    .stream()
                    .map(DeliveryDocuments::attemptOf)
                    .toList());
    }

}
