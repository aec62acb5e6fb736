package com.aimedia.gateway.callback.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.aimedia.gateway.web.problems.ProblemExceptionHandler;
import com.mongodb.MongoException;

/**
 * The one place that turns exceptions into problem details, in the same shape as the
 * api-service (the shared {@link ProblemExceptionHandler}). Only this service answers for
 * its delivery log being down.
 */
@RestControllerAdvice
public class CallbackExceptionHandler extends ProblemExceptionHandler {

    /**
     * No 413 code of its own, as before the shared handler: a 413 answers
     * {@code invalid_request}.
     */
    CallbackExceptionHandler() {
        super(ProblemCode.INVALID_REQUEST, ProblemCode.INTERNAL_ERROR, ProblemCode.NOT_FOUND,
                ProblemCode.METHOD_NOT_ALLOWED, ProblemCode.NOT_ACCEPTABLE, ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                ProblemCode.UNAVAILABLE);
    }

    @ExceptionHandler(MongoException.class)
    ResponseEntity<ProblemDetail> onMongo(MongoException e, HttpServletRequest request) {
        return problem(ProblemCode.UNAVAILABLE, "The delivery log is temporarily unavailable; retry later.", List.of(),
                Map.of(HttpHeaders.RETRY_AFTER, "5"), request, e);
    }

}
