package com.aimedia.gateway.workers.submission;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderRegistry;

/**
 * One listener container per registered provider, group {@code workers-<provider>}, on
 * {@code tasks.submitted.<provider>} and {@code tasks.poll.<provider>}: a slow or rate-limited provider never delays
 * another. Built from the platform's {@code kafkaListenerContainerFactory}, so ack mode RECORD, the bounded retries and
 * the dead-letter topics are the platform's.
 */
final class ProviderListeners implements SmartLifecycle {

    private final ProviderRegistry registry;
    private final ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> factory;
    private final WorkerEventHandler handler;
    private final List<ConcurrentMessageListenerContainer<String, SpecificRecord>> containers = new ArrayList<>();

    ProviderListeners(ProviderRegistry registry, ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> factory,
            WorkerEventHandler handler) {
        this.registry = registry;
        this.factory = factory;
        this.handler = handler;
    }

    static String groupId(ProviderAdapter adapter) {
        return "workers-" + adapter.id().value();
    }

    @Override
    public synchronized void start() {
        for (ProviderAdapter adapter : registry.all()) {
            String provider = adapter.id().value();
            ConcurrentMessageListenerContainer<String, SpecificRecord> container = factory
                .createContainer(Topics.submitted(provider), Topics.poll(provider));
            container.getContainerProperties().setGroupId(groupId(adapter));
            container.getContainerProperties().setMessageListener(
                    (MessageListener<String, SpecificRecord>) (ConsumerRecord<String, SpecificRecord> record) ->
                        handler.handle(record.value()));
            container.setBeanName(groupId(adapter));
            container.start();
            containers.add(container);
        }
    }

    @Override
    public synchronized void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        containers.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !containers.isEmpty();
    }
}
