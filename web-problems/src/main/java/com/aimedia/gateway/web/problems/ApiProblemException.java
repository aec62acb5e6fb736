package com.aimedia.gateway.web.problems;

import java.io.Serial;
import java.util.List;
import java.util.Map;

/**
 * A request the API answers with an error. The detail and field messages are written for
 * the client and are sent as they are; never put an internal exception message into them.
 */
public class ApiProblemException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;

    private final String detail;

    private final transient List<FieldProblem> errors;

    private final transient Map<String, String> headers;

    /** No stack trace: this is an answer to the client, not a failure to diagnose. */
    public ApiProblemException(ErrorCode code, String detail, List<FieldProblem> errors, Map<String, String> headers) {
        super(code.code() + ": " + detail, null, false, false);
        this.code = code;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public ApiProblemException(ErrorCode code, String detail) {
        this(code, detail, List.of(), Map.of());
    }

    /** A validation error about one field. */
    public static ApiProblemException field(ErrorCode code, String field, String message) {
        return new ApiProblemException(code, field + " " + message, List.of(new FieldProblem(field, message)),
                Map.of());
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

}
