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
import com.aimedia.gateway.api.submission.Submission;
import com.aimedia.gateway.api.task.SubmissionMetrics.Outcome;
import com.aimedia.gateway.api.taskid.TaskId;
import com.aimedia.gateway.api.taskid.TaskIdCodec;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.platform.kafka.EventPublisher;
import com.aimedia.gateway.platform.kafka.PublishFailedException;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.urlguard.CheckedUrl;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * Validates a submission, applies its Idempotency-Key, and publishes TaskSubmitted on tasks.submitted.&lt;provider&gt;,
 * returning only once Kafka acknowledged it (acks=all).
 */
@Service
class TaskSubmissionService {

    private static final Logger log = LoggerFactory.getLogger(TaskSubmissionService.class);

    private final SubmitRequestValidator validator;
    private final TaskIdCodec taskIds;
    private final IdempotencyStore idempotency;
    private final EventPublisher publisher;
    private final TaskJson json;
    private final SubmissionMetrics metrics;
    private final Clock clock;

    TaskSubmissionService(SubmitRequestValidator validator, TaskIdCodec taskIds, IdempotencyStore idempotency,
            EventPublisher publisher, TaskJson json, SubmissionMetrics metrics, Clock clock) {
        this.validator = validator;
        this.taskIds = taskIds;
        this.idempotency = idempotency;
        this.publisher = publisher;
        this.json = json;
        this.metrics = metrics;
        this.clock = clock;
    }

    Submission submit(Tenant tenant, @Nullable String idempotencyKey, ObjectNode body) {
        CatalogModel model;
        SubmitRequest request;
        try {
            model = validator.model(body);
        }
        catch (ApiProblemException e) {
            metrics.rejectedWithoutModel();
            throw e;
        }
        try {
            request = validator.validate(model, body);
        }
        catch (ApiProblemException e) {
            metrics.record(model, Outcome.REJECTED);
            throw e;
        }
        Submission submission = newSubmission(tenant, request);
        Outcome outcome = Outcome.ACCEPTED;
        if (idempotencyKey != null) {
            switch (idempotency.claim(tenant.id(), idempotencyKey, json.canonicalHash(body), submission, clock.instant())) {
                case IdempotencyOutcome.Claimed claimed -> outcome = Outcome.ACCEPTED;
                case IdempotencyOutcome.Replay replay -> {
                    submission = replay.original();
                    outcome = Outcome.REPLAYED;
                }
                case IdempotencyOutcome.Conflict conflict -> {
                    metrics.record(model, Outcome.CONFLICT);
                    throw ApiProblemException.field(ProblemCode.IDEMPOTENCY_CONFLICT, "Idempotency-Key",
                            "was already used with a different request body");
                }
            }
        }
        publish(model, submission);
        metrics.record(model, outcome);
        log.info("task submitted taskId={} provider={} model={} outcome={}", submission.taskId(), model.provider(),
                model.id(), outcome);
        return submission;
    }

    private Submission newSubmission(Tenant tenant, SubmitRequest request) {
        TaskId taskId = taskIds.issue(tenant.id());
        CatalogModel model = request.model();
        CheckedUrl callbackUrl = request.callbackUrl();
        Instant now = clock.instant();
        return new Submission(UUID.randomUUID().toString(), taskId.value(), tenant.id(), model.id(), model.provider(),
                model.providerModel(), json.compact(request.input()),
                callbackUrl == null ? null : callbackUrl.uri().toString(), taskId.createdAt(), now);
    }

    private void publish(CatalogModel model, Submission submission) {
        try {
            publisher.publish(Topics.submitted(submission.provider()), TaskSubmittedMapper.toEvent(submission));
        }
        catch (PublishFailedException e) {
            metrics.record(model, Outcome.UNAVAILABLE);
            throw e;
        }
    }

}
