package com.aimedia.gateway.web.problems;

import org.springframework.http.HttpStatus;

/**
 * The client-facing detail of Spring MVC's own errors: fixed texts, since their messages
 * may name internals.
 */
final class SpringErrorDetails {

    private SpringErrorDetails() {
    }

    static String of(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "The request is not valid.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "This resource answers with application/json only.";
            case 413 -> "The request body is too large.";
            case 415 -> "The request body must be application/json.";
            case 503 -> "The service is temporarily unavailable; retry later.";
            default -> "An unexpected error occurred.";
        };
    }

}
