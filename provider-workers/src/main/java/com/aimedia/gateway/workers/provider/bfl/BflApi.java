package com.aimedia.gateway.workers.provider.bfl;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.JsonNode;

/**
 * BFL's wire shapes (docs/providers/bfl.md). Create bodies are the validated input itself
 * (a JSON object).
 */
final class BflApi {

    private BflApi() {
    }

    /**
     * {@code AsyncResponse} {@code {id, polling_url, cost, ...}} or, with a webhook,
     * {@code {id, status, webhook_url}}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreateResponse(@JsonProperty("id") @Nullable String id,
            @JsonProperty("polling_url") @Nullable String pollingUrl, @JsonProperty("status") @Nullable String status) {
    }

    /** {@code ResultResponse}: Ready carries {@code result.sample}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResultResponse(@JsonProperty("id") @Nullable String id, @JsonProperty("status") @Nullable String status,
            @JsonProperty("result") @Nullable JsonNode result, @JsonProperty("progress") @Nullable Double progress,
            @JsonProperty("details") @Nullable JsonNode details) {
    }

}
