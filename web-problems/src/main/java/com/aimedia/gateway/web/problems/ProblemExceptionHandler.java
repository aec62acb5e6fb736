package com.aimedia.gateway.web.problems;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The shared part of a service's {@code @RestControllerAdvice}: turns
 * {@link ApiProblemException}, Spring MVC's own errors and any other exception into
 * problem details with a stable {@code code}. Exception messages and stack traces never
 * reach the client. 4xx are logged at WARN, 5xx at ERROR with the cause. A service
 * subclasses this, annotates the subclass and adds handlers for what only it knows (they
 * build their answer with {@link #problem}).
 */
public abstract class ProblemExceptionHandler {

    /** Under the subclass's name, so a service's error log reads as its own. */
    private final Logger log = LoggerFactory.getLogger(getClass());

    private final ErrorCode invalidRequest;

    private final ErrorCode internalError;

    private final Map<Integer, ErrorCode> springErrorCodes;

    /**
     * @param invalidRequest the 400 code of a Spring MVC client error no other code is
     * given for
     * @param internalError the 500 code of a bug
     * @param springErrorCodes the codes Spring MVC's own errors answer with, by their
     * status (404, 405, ...); a status left out answers with {@code invalidRequest} (4xx)
     * or {@code internalError}
     */
    protected ProblemExceptionHandler(ErrorCode invalidRequest, ErrorCode internalError,
            ErrorCode... springErrorCodes) {
        this.invalidRequest = invalidRequest;
        this.internalError = internalError;
        this.springErrorCodes = Arrays.stream(springErrorCodes)
            .collect(Collectors.toUnmodifiableMap(code -> code.status().value(), Function.identity()));
    }

    @ExceptionHandler(ApiProblemException.class)
    public ResponseEntity<ProblemDetail> onApiProblem(ApiProblemException e, HttpServletRequest request) {
        return problem(e.code(), e.detail(), e.errors(), e.headers(), request, null);
    }

    /**
     * Spring MVC's own errors (unknown route, wrong method, ...) carry a status; anything
     * else is a bug.
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> onOther(Exception e, HttpServletRequest request) {
        if (!(e instanceof ErrorResponse error)) {
            return problem(internalError, "An unexpected error occurred.", List.of(), Map.of(), request, e);
        }
        ErrorCode code = codeFor(error.getStatusCode());
        List<String> allow = error.getHeaders().get(HttpHeaders.ALLOW);
        Map<String, String> headers = allow == null ? Map.of() : Map.of(HttpHeaders.ALLOW, String.join(", ", allow));
        return problem(code, SpringErrorDetails.of(code.status()), List.of(), headers, request,
                code.status().is5xxServerError() ? e : null);
    }

    /**
     * The one way an answer is built.
     * @param cause logged with a 5xx answer only; never sent
     */
    protected final ResponseEntity<ProblemDetail> problem(ErrorCode code, String detail, List<FieldProblem> errors,
            Map<String, String> headers, HttpServletRequest request, @Nullable Exception cause) {
        log(code, request, cause);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(code.status(), detail);
        body.setProperty("code", code.code());
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(code.status())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.forEach(response::header);
        // RFC 9110 requires a challenge with every 401; API keys are the gateway's one
        // scheme.
        if (code.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.body(body);
    }

    private void log(ErrorCode code, HttpServletRequest request, @Nullable Exception cause) {
        if (code.status().is5xxServerError()) {
            log.error("request failed status={} code={} method={} path={}", code.status().value(), code.code(),
                    request.getMethod(), request.getRequestURI(), cause);
        }
        else {
            log.warn("request rejected status={} code={} method={} path={}", code.status().value(), code.code(),
                    request.getMethod(), request.getRequestURI());
        }
    }

    private ErrorCode codeFor(HttpStatusCode status) {
        ErrorCode code = springErrorCodes.get(status.value());
        if (code != null) {
            return code;
        }
        return status.is4xxClientError() ? invalidRequest : internalError;
    }

}
