package com.aimedia.gateway.benchmarks;

import java.time.Duration;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Stops the pipeline behind the API for a while: the orchestrator's consumer of
 * TaskSubmitted is paused, so submitted tasks wait in Kafka as the bare baseline's
 * records do (nobody consumes those).
 */
final class OrchestratorPause {

    private static final String LISTENER = "orchestrator-submitted";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaListenerEndpointRegistry listeners;

    OrchestratorPause(KafkaListenerEndpointRegistry listeners) {
        this.listeners = listeners;
    }

    void pause() {
        MessageListenerContainer container = container();
        container.pause();
        IngestBenchmark.awaitUntil(TIMEOUT, container::isContainerPaused, "orchestrator paused");
    }

    void resume() {
        container().resume();
    }

    private MessageListenerContainer container() {
        MessageListenerContainer container = listeners.getListenerContainer(LISTENER);
        if (container == null) {
            throw new IllegalStateException("the orchestrator has no listener " + LISTENER);
        }
        return container;
    }

}
