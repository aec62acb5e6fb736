package com.aimedia.gateway.workers.callbacks;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderCallback;
import com.aimedia.gateway.workers.provider.spi.ProviderId;
import com.aimedia.gateway.workers.provider.spi.ProviderRegistry;

/**
 * A provider callback only triggers work: once the provider's own signature (where it has
 * one) verifies, the callback is announced ({@link CallbackEvents#received}, published as
 * {@code ProviderCallbackReceived}) and answered. The orchestrator then polls the task at
 * once on the same claimed, guarded, retried path as its scheduled polls, unless the task
 * is already terminal (so a replayed callback changes nothing); what the poll learns is
 * reported, never what the callback body claims.
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

    private final CallbackEvents events;

    ProviderCallbacks(ProviderRegistry registry, CallbackEvents events) {
        this.registry = registry;
        this.events = events;
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
        log.info("provider callback received, asking for a poll now taskId={} provider={}", callback.taskId(),
                provider);
        events.received(callback.taskId(), provider);
        return new Outcome.Triggered();
    }

}
