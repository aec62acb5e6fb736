/**
 * One error shape for every HTTP service of the gateway: RFC 9457 problem details
 * ({@code application/problem+json}) with a stable {@code code} extension and, for
 * validation errors, {@code errors: [{field, message}]}. Each service keeps its own
 * {@link com.aimedia.gateway.web.problems.ErrorCode} enum and its own advice for what
 * only it handles.
 */
@NullMarked
package com.aimedia.gateway.web.problems;

import org.jspecify.annotations.NullMarked;
