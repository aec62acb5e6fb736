package com.aimedia.gateway.callback.delivery.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.callback.delivery.AttemptRecord;
import com.aimedia.gateway.callback.delivery.DeliveryView;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON shapes of the delivery log API (snake_case, unix seconds, absent rather than
 * null).
 */
final class DeliveryJson {

    private DeliveryJson() {
    }

    record TaskDeliveries(@JsonProperty("task_id") String taskId, List<Delivery> deliveries) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delivery(long version, @JsonProperty("webhook_id") String webhookId, String url, String state,
            @Nullable String reason, @JsonProperty("attempt_count") int attemptCount,
            @JsonProperty("next_attempt_at") @Nullable Long nextAttemptAt, @JsonProperty("created_at") long createdAt,
            @JsonProperty("updated_at") long updatedAt, List<Attempt> attempts) {
    }

    /**
     * @param at unix milliseconds (attempts can be less than a second apart)
     * @param statusCode absent when no answer arrived
     * @param errorClass why no answer arrived (e.g. {@code HttpTimeoutException},
     * {@code RejectedUrlException})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Attempt(@JsonProperty("at_ms") long at, @JsonProperty("status_code") @Nullable Integer statusCode,
            @JsonProperty("latency_ms") long latencyMs, @JsonProperty("error_class") @Nullable String errorClass,
            @Nullable String error, @JsonProperty("response_body") @Nullable String responseBody) {
    }

    record RedeliveryAccepted(@JsonProperty("task_id") String taskId, Delivery delivery) {
    }

    record RecoveryAccepted(long since, int redelivered, @JsonProperty("max_per_request") int maxPerRequest) {
    }

    static Delivery of(DeliveryView view) {
        return new Delivery(view.version(), view.webhookId(), view.url(), view.state().value(),
                view.reason() == null ? null : view.reason().value(), view.attemptCount(),
                view.nextAttemptAt() == null ? null : seconds(view.nextAttemptAt()), seconds(view.createdAt()),
                seconds(view.updatedAt()), view.attempts().stream().map(DeliveryJson::of).toList());
    }

    private static Attempt of(AttemptRecord attempt) {
        return new Attempt(attempt.at().toEpochMilli(), attempt.status(), attempt.latencyMs(), attempt.errorClass(),
                attempt.error(), attempt.responseBody());
    }

    private static long seconds(Instant instant) {
        return instant.getEpochSecond();
    }

}
