package com.aimedia.gateway.workers.provider.spi;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A task the provider accepted.
 *
 * @param taskId the gateway task id
 * @param providerTaskId the provider's opaque task id
 * @param providerRef what the adapter returned in {@link Submission#providerRef()}, or
 * null
 */
public record ProviderTaskRef(String taskId, String providerTaskId, @Nullable String providerRef) {

    public ProviderTaskRef {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(providerTaskId, "providerTaskId");
    }
}
