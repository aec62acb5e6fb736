package com.aimedia.gateway.workers.submission;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.schemas.v1.PollRequested;
import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderCallback;
import com.aimedia.gateway.workers.provider.spi.ProviderId;
import com.aimedia.gateway.workers.provider.spi.ProviderRegistry;

/**
 * A provider callback only triggers an immediate poll of the task it names: what the poll learns is reported, never
 * what the callback body claims. A callback for a task this worker has not submitted yet changes nothing (the
 * durable poll schedule covers it).
 */
public final class ProviderCallbacks {

    private static final Logger log = LoggerFactory.getLogger(ProviderCallbacks.class);

    /** What a callback led to. */
    public enum Outcome {
        POLLED, NOT_SUBMITTED_YET, UNKNOWN_PROVIDER, SIGNATURE_REJECTED
    }

    private final ProviderRegistry registry;
    private final SubmissionStore store;
    private final PollService polls;
    private final Clock clock;

    ProviderCallbacks(ProviderRegistry registry, SubmissionStore store, PollService polls, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.polls = polls;
        this.clock = clock;
    }

    public Outcome receive(String provider, ProviderCallback callback) {
        Optional<ProviderAdapter> adapter = registry.find(ProviderId.of(provider));
        if (adapter.isEmpty()) {
            return Outcome.UNKNOWN_PROVIDER;
        }
        try {
            adapter.get().verifyCallback(callback);
        }
        catch (AuthenticationFailed e) {
            log.warn("provider callback refused: its signature does not verify taskId={} provider={}",
                    callback.taskId(), provider);
            return Outcome.SIGNATURE_REJECTED;
        }
        Optional<SubmissionStore.SubmissionRecord> submission = store.findAccepted(callback.taskId(), provider);
        if (submission.isEmpty()) {
            return Outcome.NOT_SUBMITTED_YET;
        }
        SubmissionStore.SubmissionRecord record = submission.get();
        log.info("provider callback received, polling now taskId={} provider={}", callback.taskId(), provider);
        polls.on(PollRequested.newBuilder()
            .setEventId(java.util.UUID.randomUUID().toString())
            .setTaskId(record.taskId())
            .setOccurredAt(clock.instant())
            .setProvider(provider)
            .setProviderTaskId(record.providerTaskId())
            .setProviderRef(record.providerRef())
            .setAttempt(0)
            .build());
        return Outcome.POLLED;
    }
}
