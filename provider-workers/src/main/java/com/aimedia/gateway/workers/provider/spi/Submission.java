package com.aimedia.gateway.workers.provider.spi;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a provider answered to a submit: its task id, the adapter-owned reference a later
 * poll needs, and the outputs when the provider finished the task synchronously.
 *
 * @param providerTaskId the provider's opaque task id
 * @param providerRef adapter-owned context for polling (e.g. which endpoint family), or
 * null
 * @param outputs the results when the provider finished at submit time, else empty
 */
public record Submission(String providerTaskId, @Nullable String providerRef, List<ProviderOutput> outputs) {

    public Submission {
        outputs = List.copyOf(outputs);
    }

    public static Submission accepted(String providerTaskId, @Nullable String providerRef) {
        return new Submission(providerTaskId, providerRef, List.of());
    }

    public static Submission completed(String providerTaskId, @Nullable String providerRef,
            List<ProviderOutput> outputs) {
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("a completed submission needs at least one output");
        }
        return new Submission(providerTaskId, providerRef, outputs);
    }

    public boolean isCompleted() {
        return !outputs.isEmpty();
    }
}
