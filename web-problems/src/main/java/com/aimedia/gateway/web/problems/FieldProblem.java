package com.aimedia.gateway.web.problems;

/**
 * One offending field of a request.
 *
 * @param field the path, e.g. {@code model}, {@code input.prompt},
 * {@code Idempotency-Key}
 * @param message what is wrong, for humans
 */
public record FieldProblem(String field, String message) {
}
