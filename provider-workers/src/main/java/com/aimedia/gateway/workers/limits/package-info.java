/**
 * Guards every call to a provider account: a token bucket, a concurrency limit and a
 * circuit breaker per provider, and the provider-call metrics
 * ({@link com.aimedia.gateway.workers.limits.WorkerMetrics}).
 */
@NullMarked
package com.aimedia.gateway.workers.limits;

import org.jspecify.annotations.NullMarked;
