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

    /** What a callback led to; a handshake carries the answer the provider expects. */
    public sealed interface Outcome {

        record Polled() implements Outcome {
        }

        record NotSubmittedYet() implements Outcome {
        }

        record Handshake(String answer) implements Outcome {
        }

        record UnknownProvider() implements Outcome {
        }

        record SignatureRejected() implements Outcome {
        }
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
            return new Outcome.UnknownProvider();
        }
        try {
            adapter.get().verifyCallback(callback);
        }
        catch (AuthenticationFailed e) {
            log.warn("provider callback refused: its signature does not verify taskId={} provider={}",
                    callback.taskId(), provider);
            return new Outcome.SignatureRejected();
        }
        Optional<String> handshake = adapter.get().callbackHandshake(callback);
        if (handshake.isPresent()) {
            return new Outcome.Handshake(handshake.get());
        }
        Optional<SubmissionStore.SubmissionRecord> submission = store.findAccepted(callback.taskId(), provider);
        if (submission.isEmpty()) {
            return new Outcome.NotSubmittedYet();
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
        return new Outcome.Polled();
    }
}
