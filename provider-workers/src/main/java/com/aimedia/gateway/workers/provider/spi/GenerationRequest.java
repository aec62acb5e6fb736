package com.aimedia.gateway.workers.provider.spi;

import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * A task to run at a provider.
 *
 * @param taskId the gateway task id (also the caller id where a provider accepts one)
 * @param model the public model id the client asked for
 * @param providerModel the provider's own model name
 * @param input the validated model input (a JSON object)
 */
public record GenerationRequest(String taskId, String model, String providerModel, JsonNode input) {

    public GenerationRequest {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(providerModel, "providerModel");
        Objects.requireNonNull(input, "input");
    }
}
