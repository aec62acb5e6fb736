package com.aimedia.gateway.workers.submission;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.workers.provider.spi.CancelResult;
import com.aimedia.gateway.workers.limits.ProviderCalls;
import com.aimedia.gateway.workers.provider.spi.PermanentException;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;

/**
 * Stops a cancelled task's provider job where the provider has a cancel call
 * ({@link ProviderAdapter#canCancel}), through the provider's guard like every other
 * call. The task ends {@code cancelled} in the orchestrator whatever happens here: a
 * provider that refuses (permanent) is logged and left alone; a provider that cannot be
 * reached (retryable) throws, so the Kafka record that asked for the cancel is retried.
 */
final class ProviderCancels {

    private static final Logger log = LoggerFactory.getLogger(ProviderCancels.class);

    private final ProviderCalls calls;

    ProviderCancels(ProviderCalls calls) {
        this.calls = calls;
    }

    void stop(ProviderAdapter adapter, String taskId, String providerTaskId, @Nullable String providerRef) {
        if (!adapter.canCancel()) {
            log.info("provider has no cancel call, the task only stops being polled taskId={} provider={}", taskId,
                    adapter.id());
            return;
        }
        try {
            CancelResult result = calls.cancel(adapter.id(),
                    () -> adapter.cancel(new ProviderTaskRef(taskId, providerTaskId, providerRef)));
            log.info("provider task cancel answered taskId={} provider={} providerTaskId={} result={}", taskId,
                    adapter.id(), providerTaskId, result);
        }
        catch (PermanentException e) {
            log.warn("provider refused to cancel the task, it ends cancelled at the gateway anyway taskId={} "
                    + "provider={} errorCode={}", taskId, adapter.id(), e.errorCode().wireValue());
        }
    }

}
