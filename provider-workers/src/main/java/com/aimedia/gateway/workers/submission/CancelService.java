package com.aimedia.gateway.workers.submission;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.workers.provider.ProviderAdapterLookup;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;

/**
 * A task's owner cancelled it ({@code POST /v1/task/{id}/cancel} publishes
 * TaskCancelRequested on {@code tasks.cancel}; the orchestrator ends the task on its
 * own). Here the provider side: a task not sent yet is never sent, an accepted task is
 * stopped at the provider, and a submit in flight stops its task once the provider
 * accepted it ({@link SubmissionStore#requestCancel}). Processed at least once: every
 * step is idempotent.
 */
public final class CancelService {

    private static final Logger log = LoggerFactory.getLogger(CancelService.class);

    private final ProviderAdapterLookup adapters;

    private final SubmissionStore store;

    private final ProviderCancels cancels;

    private final Clock clock;

    CancelService(ProviderAdapterLookup adapters, SubmissionStore store, ProviderCancels cancels, Clock clock) {
        this.adapters = adapters;
        this.store = store;
        this.cancels = cancels;
        this.clock = clock;
    }

    public void on(CancelTask event) {
        ProviderAdapter adapter = adapters.require(event.provider());
        SubmissionStore.SubmissionRecord record = store.requestCancel(event.taskId(), event.provider(),
                event.tenantId(), clock.instant());
        switch (record.state()) {
            case CANCELLED ->
                log.info("task cancelled before it was sent, the provider is never asked taskId={} " + "provider={}",
                        event.taskId(), event.provider());
            case ACCEPTED ->
                cancels.stop(adapter, event.taskId(), require(record.providerTaskId()), record.providerRef());
            case SUBMITTING,
                    NOT_SUBMITTED ->
                log.info(
                        "task cancelled while its submit is in flight, it is stopped "
                                + "once the provider accepted it taskId={} provider={}",
                        event.taskId(), event.provider());
            case COMPLETED, FAILED ->
                log.info("task cancelled after its provider job ended, nothing to stop " + "taskId={} provider={}",
                        event.taskId(), event.provider());
        }
    }

    private static String require(@Nullable String value) {
        if (value == null) {
            throw new IllegalStateException("an accepted submission has no provider task id");
        }
        return value;
    }

}
