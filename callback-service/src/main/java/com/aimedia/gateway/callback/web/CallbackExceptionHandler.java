package com.aimedia.gateway.callback.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.mongodb.MongoException;

/**
 * The one place that turns exceptions into RFC 9457 problem details ({@code application/problem+json}) with a stable
 * {@code code} and a human {@code detail}, in the same shape as the api-service. Exception messages and stack traces
 * never reach the client. 4xx are logged at WARN, 5xx at ERROR.
 */
@RestControllerAdvice
public class CallbackExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CallbackExceptionHandler.class);

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<ProblemDetail> onApiProblem(ApiProblemException e, HttpServletRequest request) {
        return problem(e.code(), e.detail(), e.errors(), e.headers(), request, null);
    }

    @ExceptionHandler(MongoException.class)
    ResponseEntity<ProblemDetail> onMongo(MongoException e, HttpServletRequest request) {
        return problem(ProblemCode.UNAVAILABLE, "The delivery log is temporarily unavailable; retry later.", List.of(),
                Map.of(HttpHeaders.RETRY_AFTER, "5"), request, e);
    }

    /** Spring MVC's own errors (unknown route, wrong method, ...) carry a status; anything else is a bug. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> onOther(Exception e, HttpServletRequest request) {
        if (!(e instanceof ErrorResponse error)) {
            return problem(ProblemCode.INTERNAL_ERROR, "An unexpected error occurred.", List.of(), Map.of(), request, e);
        }
        ProblemCode code = codeFor(error.getStatusCode());
        List<String> allow = error.getHeaders().get(HttpHeaders.ALLOW);
        Map<String, String> headers = allow == null ? Map.of() : Map.of(HttpHeaders.ALLOW, String.join(", ", allow));
        return problem(code, detailFor(code), List.of(), headers, request, code.status().is5xxServerError() ? e : null);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemCode code, String detail, List<FieldProblem> errors,
            Map<String, String> headers, HttpServletRequest request, @Nullable Exception cause) {
        if (code.status().is5xxServerError()) {
            log.error("request failed status={} code={} method={} path={}", code.status().value(), code.code(),
                    request.getMethod(), request.getRequestURI(), cause);
        }
        else {
            log.warn("request rejected status={} code={} method={} path={}", code.status().value(), code.code(),
                    request.getMethod(), request.getRequestURI());
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(code.status(), detail);
        body.setProperty("code", code.code());
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(code.status())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.forEach(response::header);
        if (code == ProblemCode.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.body(body);
    }

    private static ProblemCode codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> ProblemCode.NOT_FOUND;
            case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
            case 406 -> ProblemCode.NOT_ACCEPTABLE;
            case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemCode.UNAVAILABLE;
            default -> status.is4xxClientError() ? ProblemCode.INVALID_REQUEST : ProblemCode.INTERNAL_ERROR;
        };
    }

    private static String detailFor(ProblemCode code) {
        return switch (code) {
            case NOT_FOUND -> "No such resource.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on this resource.";
            case NOT_ACCEPTABLE -> "This resource answers with application/json only.";
            case UNSUPPORTED_MEDIA_TYPE -> "The request body must be application/json.";
            case UNAVAILABLE -> "The service is temporarily unavailable; retry later.";
            case INVALID_REQUEST -> "The request is not valid.";
            default -> "An unexpected error occurred.";
        };
    }
}
