package com.aimedia.gateway.callback.web;

import org.springframework.http.HttpStatus;

import com.aimedia.gateway.web.problems.ErrorCode;

/**
 * The stable, machine-readable {@code code} of every error answer (the same codes as the
 * api-service's).
 */
public enum ProblemCode implements ErrorCode {

    INVALID_REQUEST(HttpStatus.BAD_REQUEST), UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    TASK_NOT_FOUND(HttpStatus.NOT_FOUND), NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED), NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE), DELIVERY_IN_PROGRESS(HttpStatus.CONFLICT),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR), UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    ProblemCode(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

}
