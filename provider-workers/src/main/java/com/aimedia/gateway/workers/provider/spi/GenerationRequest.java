package com.aimedia.gateway.workers.provider.spi;

import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A task to run at a provider.
 *
 * @param taskId the gateway task id (also the caller id where a provider accepts one)
 * @param model the public model id the client asked for
 * @param providerModel the provider's own model name
 * @param input the validated model input (a JSON object)
 * @param callbackUrl a signed gateway URL the provider may call when the task changes
 * (adapters whose provider takes a callback URL pass it on); null when the gateway takes
 * no provider callbacks
 */
public record GenerationRequest(String taskId, String model, String providerModel, JsonNode input,
        @Nullable URI callbackUrl) {

    public GenerationRequest {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(providerModel, "providerModel");
        Objects.requireNonNull(input, "input");
    }

    /** A request without a provider callback. */
    public GenerationRequest(String taskId, String model, String providerModel, JsonNode input) {
        this(taskId, model, providerModel, input, null);
    }
}
