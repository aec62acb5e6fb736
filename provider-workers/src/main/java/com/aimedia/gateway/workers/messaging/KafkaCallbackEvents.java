package com.aimedia.gateway.workers.messaging;

import java.time.Clock;

import com.aimedia.gateway.platform.kafka.EventPublisher;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.workers.callbacks.CallbackEvents;

/**
 * Publishes {@code ProviderCallbackReceived} on {@code tasks.status} and waits for
 * acks=all.
 */
final class KafkaCallbackEvents implements CallbackEvents {

    private final EventPublisher publisher;

    private final Clock clock;

    KafkaCallbackEvents(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void received(String taskId, String provider) {
        publisher.publish(Topics.STATUS, WorkerEventMapper.callbackReceived(taskId, provider, clock.instant()));
    }

}
