package com.aimedia.gateway.api.web;

import org.springframework.http.HttpStatus;

import com.aimedia.gateway.web.problems.ErrorCode;

/**
 * The stable, machine-readable {@code code} of every error answer, with its HTTP status.
 */
public enum ProblemCode implements ErrorCode {

    MALFORMED_JSON(HttpStatus.BAD_REQUEST), INVALID_REQUEST(HttpStatus.BAD_REQUEST),
    UNKNOWN_FIELD(HttpStatus.BAD_REQUEST), UNKNOWN_MODEL(HttpStatus.BAD_REQUEST), INVALID_INPUT(HttpStatus.BAD_REQUEST),
    INVALID_CALLBACK_URL(HttpStatus.BAD_REQUEST), UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    /** The API key is valid but lacks the scope the endpoint needs. */
    INSUFFICIENT_SCOPE(HttpStatus.FORBIDDEN),
    /** The admin credential is missing or wrong (or the admin API is not enabled). */
    ADMIN_UNAUTHORIZED(HttpStatus.UNAUTHORIZED), TENANT_NOT_FOUND(HttpStatus.NOT_FOUND),
    MODEL_NOT_FOUND(HttpStatus.NOT_FOUND), KEY_NOT_FOUND(HttpStatus.NOT_FOUND), TENANT_EXISTS(HttpStatus.CONFLICT),
    KEY_REVOKED(HttpStatus.CONFLICT),
    /** A cancel of a task that already ended (completed or failed). */
    TASK_ALREADY_FINISHED(HttpStatus.CONFLICT),
    /** The content of a video that is not completed (OpenAI alias). */
    VIDEO_NOT_READY(HttpStatus.CONFLICT),
    /**
     * A cancel of a task accepted a moment ago that the orchestrator has not stored yet;
     * see Retry-After.
     */
    TASK_NOT_CANCELLABLE_YET(HttpStatus.CONFLICT),
    /**
     * Too many requests per second for the tenant or the key; see Retry-After and
     * RateLimit-*.
     */
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
    /**
     * Too many tasks queued or in progress for the tenant or the key; retry when some
     * have finished.
     */
    TOO_MANY_TASKS_IN_FLIGHT(HttpStatus.TOO_MANY_REQUESTS),
    /**
     * The tenant may not run this model (its operator restricted models, providers or
     * Replicate owners).
     */
    MODEL_NOT_ALLOWED(HttpStatus.FORBIDDEN), TASK_NOT_FOUND(HttpStatus.NOT_FOUND),
    /**
     * The task's record was deleted after the tenant's task-record retention
     * (gateway.retention.task-records).
     */
    TASK_EXPIRED(HttpStatus.GONE),
    /**
     * A stored output was deleted at the end of its retention period (the task says
     * outputs_expired).
     */
    OUTPUT_EXPIRED(HttpStatus.GONE), NOT_FOUND(HttpStatus.NOT_FOUND), METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE), BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE), IDEMPOTENCY_CONFLICT(HttpStatus.UNPROCESSABLE_CONTENT),
    /**
     * The model's provider has no credentials on this gateway: resubmitting will not help
     * until an operator acts.
     */
    PROVIDER_UNAVAILABLE(HttpStatus.UNPROCESSABLE_CONTENT), INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    ProblemCode(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

}
