package com.aimedia.gateway.callback.delivery;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One delivery (one task version to its callback URL) with every attempt, as a tenant
 * sees it.
 *
 * @param reason why it was given up ({@link AbandonReason#value()}), only when failed or
 * gone
 * @param nextAttemptAt when it is tried next, only while pending
 */
public record DeliveryView(long version, String webhookId, String url, DeliveryState state,
        @Nullable AbandonReason reason, int attemptCount, @Nullable Instant nextAttemptAt, Instant createdAt,
        Instant updatedAt, List<AttemptRecord> attempts) {
}
