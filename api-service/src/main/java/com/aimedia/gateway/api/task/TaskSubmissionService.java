package com.aimedia.gateway.api.task;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import tools.jackson.databind.node.ObjectNode;

import com.aimedia.gateway.api.auth.Tenant;
import com.aimedia.gateway.api.catalog.CatalogModel;
import com.aimedia.gateway.api.idempotency.IdempotencyOutcome;
import com.aimedia.gateway.api.idempotency.IdempotencyStore;
import com.aimedia.gateway.api.quotas.InFlightLimiter;
import com.aimedia.gateway.api.quotas.InFlightLimiter.Reservation;
import com.aimedia.gateway.api.tenants.TenantRecord;
import com.aimedia.gateway.api.tenants.TenantRepository;
import com.aimedia.gateway.api.submission.Submission;
import com.aimedia.gateway.api.task.SubmissionMetrics.Outcome;
import com.aimedia.gateway.api.taskid.TaskId;
import com.aimedia.gateway.api.taskid.TaskIdCodec;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.api.task.messaging.TaskEventPublisher;
import com.aimedia.gateway.platform.kafka.PublishFailedException;
import com.aimedia.gateway.urlguard.CheckedUrl;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * Validates a submission, applies its Idempotency-Key, and publishes TaskSubmitted on
 * tasks.submitted.&lt;provider&gt;, returning only once Kafka acknowledged it (acks=all).
 */
@Service
public class TaskSubmissionService {

    private static final Logger log = LoggerFactory.getLogger(TaskSubmissionService.class);

    private final SubmitRequestValidator validator;

    private final TaskIdCodec taskIds;

    private final IdempotencyStore idempotency;

    private final TaskEventPublisher events;

    private final TaskJson json;

    private final SubmissionMetrics metrics;

    private final TenantRepository tenants;

    private final InFlightLimiter inFlight;

    private final TaskMetadataStore metadata;

    private final Clock clock;

    TaskSubmissionService(SubmitRequestValidator validator, TaskIdCodec taskIds, IdempotencyStore idempotency,
            TaskEventPublisher events, TaskJson json, SubmissionMetrics metrics, TenantRepository tenants,
            InFlightLimiter inFlight, TaskMetadataStore metadata, Clock clock) {
        this.validator = validator;
        this.taskIds = taskIds;
        this.idempotency = idempotency;
        this.events = events;
        this.json = json;
        this.metrics = metrics;
        this.tenants = tenants;
        this.inFlight = inFlight;
        this.metadata = metadata;
        this.clock = clock;
    }

    public Submission submit(Tenant tenant, @Nullable String idempotencyKey, ObjectNode body) {
        CatalogModel model;
        SubmitRequest request;
        try {
            model = validator.model(body);
        }
        catch (ApiProblemException e) {
            metrics.rejectedWithoutModel();
            throw e;
        }
        TenantRecord settings = tenants.settings(tenant.id());
        try {
            requireAccess(settings, model);
            request = validator.validate(model, body);
        }
        catch (ApiProblemException e) {
            metrics.record(model, Outcome.REJECTED);
            throw e;
        }
        return claimReserveAndPublish(tenant, idempotencyKey, body, model, settings, newSubmission(tenant, request));
    }

    /**
     * The Idempotency-Key first, so a replay is answered whatever the quotas; a fresh
     * task then takes an in-flight slot (giving the key back if refused) and is published
     * while the slot's record is written (giving the slot back if Kafka refuses), so a
     * submit waits for one MongoDB write before its publish, not two.
     */
    private Submission claimReserveAndPublish(Tenant tenant, @Nullable String idempotencyKey, ObjectNode body,
            CatalogModel model, TenantRecord settings, Submission fresh) {
        if (idempotencyKey != null) {
            switch (idempotency.claim(tenant.id(), idempotencyKey, json.canonicalHash(body), fresh, clock.instant())) {
                case IdempotencyOutcome.Claimed claimed -> {
                }
                case IdempotencyOutcome.Replay replay -> {
                    metadata.save(replay.original());
                    publish(model, replay.original());
                    return accepted(model, replay.original(), Outcome.REPLAYED);
                }
                case IdempotencyOutcome.Conflict conflict -> {
                    metrics.record(model, Outcome.CONFLICT);
                    throw ApiProblemException.field(ProblemCode.IDEMPOTENCY_CONFLICT, "Idempotency-Key",
                            "was already used with a different request body");
                }
            }
        }
        Reservation slot;
        try {
            slot = inFlight.reserve(tenant, settings, fresh.taskId());
        }
        catch (ApiProblemException e) {
            if (idempotencyKey != null) {
                idempotency.release(tenant.id(), idempotencyKey, fresh.taskId());
            }
            metrics.record(model, Outcome.REJECTED);
            throw e;
        }
        try {
            // before the publish: the queued answer of a task not stored yet shows its
            // metadata (read-your-writes)
            metadata.save(fresh);
            publish(model, fresh);
        }
        catch (RuntimeException e) {
            slot.release();
            throw e;
        }
        slot.keep();
        return accepted(model, fresh, Outcome.ACCEPTED);
    }

    private Submission accepted(CatalogModel model, Submission submission, Outcome outcome) {
        metrics.record(model, outcome);
        log.info("task submitted taskId={} provider={} model={} outcome={}", submission.taskId(), model.provider(),
                model.id(), outcome);
        return submission;
    }

    /**
     * The tenant's model access; a Replicate model also by its owner
     * ({@code replicate/<owner>/<name>}).
     */
    private static void requireAccess(TenantRecord settings, CatalogModel model) {
        if (!settings.modelAccess().allows(model.id(), model.provider())) {
            throw ApiProblemException.field(ProblemCode.MODEL_NOT_ALLOWED, "model",
                    "is not enabled for this tenant; ask the gateway's operator (see GET /v1/models for yours)");
        }
    }

    private Submission newSubmission(Tenant tenant, SubmitRequest request) {
        TaskId taskId = taskIds.issue(tenant.id());
        CatalogModel model = request.model();
        CheckedUrl callbackUrl = request.callbackUrl();
        Instant now = clock.instant();
        return new Submission(UUID.randomUUID().toString(), taskId.value(), tenant.id(), model.id(), model.provider(),
                model.providerModel(), json.compact(request.input()),
                callbackUrl == null ? null : callbackUrl.uri().toString(), taskId.createdAt(), now, request.metadata(),
                request.webhookEvents(), RequestedDuration.seconds(model, request.input()));
    }

    private void publish(CatalogModel model, Submission submission) {
        try {
            events.submitted(submission);
        }
        catch (PublishFailedException e) {
            metrics.record(model, Outcome.UNAVAILABLE);
            throw e;
        }
    }

}
