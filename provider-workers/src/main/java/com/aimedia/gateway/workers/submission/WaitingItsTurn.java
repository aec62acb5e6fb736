package com.aimedia.gateway.workers.submission;

import com.aimedia.gateway.platform.kafka.RetriedWithoutLimit;
import com.aimedia.gateway.workers.provider.spi.RateLimited;

/**
 * The provider refused a submit for its rate or concurrency limit and the task is still
 * within its {@link RateLimitPatience}: thrown after the rate-limit back-off so the Kafka
 * error handler redelivers the TaskSubmitted without counting it against its bounded
 * retries ({@link RetriedWithoutLimit}); the patience, kept in {@code submissions},
 * bounds the wait instead. No stack trace: it is an expected turn of the queue, logged on
 * every redelivery.
 */
final class WaitingItsTurn extends RuntimeException implements RetriedWithoutLimit {

    WaitingItsTurn(String taskId, String provider, RateLimited refusal) {
        super("task " + taskId + " waits its turn at " + provider + ", which is over its rate or concurrency limit: "
                + refusal.getMessage(), null, false, false);
    }

}
