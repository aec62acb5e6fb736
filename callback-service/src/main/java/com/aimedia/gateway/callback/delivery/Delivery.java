package com.aimedia.gateway.callback.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A delivery claimed by this dispatcher for one attempt.
 *
 * @param id {@code taskId:version}
 * @param endpointId the destination (tenant and URL), see {@link Endpoints}
 * @param attemptCount attempts made before this one
 * @param manual a redelivery the tenant asked for: it goes out even to a disabled URL,
 * and is not rescheduled
 * @param leaseToken proves the claim: every update after the attempt requires it
 * @param createdAt when the change was recorded for delivery (the start of the
 * {@code webhook} stage)
 * @param traceParent the task's trace context, which the attempt continues
 */
record Delivery(String id, String tenantId, String taskId, long version, String url, String host, String endpointId,
        String body, String webhookId, int attemptCount, boolean manual, String leaseToken, Instant createdAt,
        @Nullable String traceParent) {

    int attemptNumber() {
        return attemptCount + 1;
    }
}
