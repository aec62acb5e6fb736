package com.aimedia.gateway.workers.provider.replicate;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.JsonNode;

/** Replicate's wire shapes (docs/providers/replicate.md). */
final class ReplicateApi {

    /**
     * Webhook events the gateway asks for: start (to show in_progress) and completed (to
     * poll at once).
     */
    static final List<String> WEBHOOK_EVENTS = List.of("start", "completed");

    private ReplicateApi() {
    }

    /**
     * Body of {@code POST /models/{o}/{n}/predictions} (no version) and
     * {@code POST /predictions} (with version).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreatePrediction(@JsonProperty("version") @Nullable String version, @JsonProperty("input") JsonNode input,
            @JsonProperty("webhook") @Nullable String webhook,
            @JsonProperty("webhook_events_filter") @Nullable List<String> webhookEventsFilter) {
    }

    /**
     * The Prediction object; {@code output} is model-specific (a string, an array or an
     * object).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Prediction(@JsonProperty("id") @Nullable String id, @JsonProperty("status") @Nullable String status,
            @JsonProperty("output") @Nullable JsonNode output, @JsonProperty("error") @Nullable JsonNode error,
            @JsonProperty("data_removed") @Nullable Boolean dataRemoved) {
    }

}
