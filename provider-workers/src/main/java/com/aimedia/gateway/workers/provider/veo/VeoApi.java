package com.aimedia.gateway.workers.provider.veo;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Veo's wire shapes (docs/providers/veo.md): google.longrunning.Operation and
 * google.rpc.Status.
 */
final class VeoApi {

    private VeoApi() {
    }

    /** Body of {@code :predictLongRunning}: one instance and the parameters. */
    record PredictRequest(@JsonProperty("instances") List<ObjectNode> instances,
            @JsonProperty("parameters") ObjectNode parameters) {
    }

    /** Body of Vertex's {@code :fetchPredictOperation}. */
    record FetchOperationRequest(@JsonProperty("operationName") String operationName) {
    }

    /** {@code done} is absent or false while running, true on success AND on failure. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Operation(@JsonProperty("name") @Nullable String name, @JsonProperty("done") @Nullable JsonNode done,
            @JsonProperty("error") @Nullable Status error, @JsonProperty("response") @Nullable JsonNode response) {
    }

    /**
     * google.rpc.Status, inside a done operation ({@code code} is the numeric
     * google.rpc.Code).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Status(@JsonProperty("code") @Nullable Integer code, @JsonProperty("message") @Nullable String message,
            @JsonProperty("status") @Nullable String status,
            @JsonProperty("details") @Nullable List<JsonNode> details) {
    }

    /** Every HTTP error: {@code {"error":{code,message,status,details}}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorBody(@JsonProperty("error") @Nullable Status error) {
    }

}
