/**
 * Per-tenant and per-key quotas: requests per second and tasks in flight, answered with
 * 429, {@code Retry-After} and the {@code RateLimit-*} headers. All counting state is in
 * MongoDB, so the limits hold across any number of api-service replicas.
 */
@NullMarked
package com.aimedia.gateway.api.quotas;

import org.jspecify.annotations.NullMarked;
