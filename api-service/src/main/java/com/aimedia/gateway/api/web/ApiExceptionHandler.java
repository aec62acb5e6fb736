package com.aimedia.gateway.api.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.aimedia.gateway.platform.kafka.PublishFailedException;
import com.aimedia.gateway.platform.mongo.MongoOutages;
import com.mongodb.MongoException;
import com.aimedia.gateway.web.problems.ProblemExceptionHandler;

/**
 * The one place that turns exceptions into the API's problem details; the shape, logging
 * and Spring MVC's own errors are the shared {@link ProblemExceptionHandler}'s. Only the
 * API answers a failed publish.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ProblemExceptionHandler {

    /** Seconds a client should wait before retrying after a 503. */
    static final String RETRY_AFTER_SECONDS = "5";

    ApiExceptionHandler() {
        super(ProblemCode.INVALID_REQUEST, ProblemCode.INTERNAL_ERROR, ProblemCode.NOT_FOUND,
                ProblemCode.METHOD_NOT_ALLOWED, ProblemCode.NOT_ACCEPTABLE, ProblemCode.BODY_TOO_LARGE,
                ProblemCode.UNSUPPORTED_MEDIA_TYPE, ProblemCode.UNAVAILABLE);
    }

    /**
     * MongoDB is unreachable (keys, idempotency keys and tasks live there): nothing was
     * accepted; retry.
     */
    @ExceptionHandler(MongoException.class)
    ResponseEntity<ProblemDetail> onMongoFailure(MongoException e, HttpServletRequest request) {
        if (!MongoOutages.isOutage(e)) {
            return onOther(e, request);
        }
        return problem(ProblemCode.UNAVAILABLE,
                "The gateway cannot reach its database right now; retry after a few " + "seconds.", List.of(),
                Map.of(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS), request, e);
    }

    @ExceptionHandler(PublishFailedException.class)
    ResponseEntity<ProblemDetail> onPublishFailed(PublishFailedException e, HttpServletRequest request) {
        return problem(ProblemCode.UNAVAILABLE, "The task could not be queued right now; retry after a few seconds.",
                List.of(), Map.of(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS), request, e);
    }

}
