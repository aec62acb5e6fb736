package com.aimedia.gateway.workers.submission;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.platform.kafka.EventPublisher;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.ProviderCallbackReceived;
import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderCallback;
import com.aimedia.gateway.workers.provider.spi.ProviderId;
import com.aimedia.gateway.workers.provider.spi.ProviderRegistry;

/**
 * A provider callback only triggers work: once the provider's own signature (where it has one) verifies, the callback
 * is published as {@link ProviderCallbackReceived} and answered. The orchestrator then polls the task at once on the
 * same claimed, guarded, retried path as its scheduled polls, unless the task is already terminal (so a replayed
 * callback changes nothing); what the poll learns is reported, never what the callback body claims.
 */
public final class ProviderCallbacks {

    private static final Logger log = LoggerFactory.getLogger(ProviderCallbacks.class);

    /** What a callback led to; a handshake carries the answer the provider expects. */
    public sealed interface Outcome {

        record Triggered() implements Outcome {
        }

        record Handshake(String answer) implements Outcome {
        }

        record UnknownProvider() implements Outcome {
        }

        record SignatureRejected() implements Outcome {
        }
    }

    private final ProviderRegistry registry;
    private final EventPublisher publisher;
    private final Clock clock;

    ProviderCallbacks(ProviderRegistry registry, EventPublisher publisher, Clock clock) {
        this.registry = registry;
        this.publisher = publisher;
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
        log.info("provider callback received, asking for a poll now taskId={} provider={}", callback.taskId(), provider);
        publisher.publish(Topics.STATUS, ProviderCallbackReceived.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setTaskId(callback.taskId())
            .setOccurredAt(clock.instant())
            .setProvider(provider)
            .build());
        return new Outcome.Triggered();
    }
}
