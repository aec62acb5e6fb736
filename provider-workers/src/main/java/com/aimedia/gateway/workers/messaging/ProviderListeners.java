package com.aimedia.gateway.workers.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.TaskCancelRequested;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderRegistry;

/**
 * Two listener containers per registered provider, both in group
 * {@code workers-<provider>}: one on {@code tasks.submitted.<provider>}, the provider's
 * queue, and one on {@code tasks.poll.<provider>} and that provider's records of
 * {@code tasks.cancel} (a cancel is rare, so each provider's group reading the one topic
 * costs little). A slow or rate-limited provider never delays another. A submit that
 * waits its turn while the provider's account is full holds its partition of the queue
 * (the records behind it wait too: that is the queue), but never the polls of the
 * provider's running tasks nor the cancel of the very task that waits: those are another
 * container's partitions, with their own consumers. Each container runs
 * {@link ListenerProperties#consumersPerProvider} consumers, so that one task's provider
 * calls do not hold up the provider's other tasks (a task's records of one topic share a
 * partition, so they stay in order; a cancel handled before its task's submit is seen by
 * the submit's claim). Built from the platform's {@code kafkaListenerContainerFactory},
 * so ack mode RECORD, the bounded retries and the dead-letter topics are the platform's.
 * <p>
 * On shutdown every container stops at the same time and each finishes the record in hand
 * (a provider call in flight) and commits it; Spring waits for all of them up to
 * {@code spring.lifecycle.timeout-per-shutdown-phase}. Stopping them one after another,
 * each bounded by the container's own short timeout, could cut a slow provider call short
 * and leave its outcome unknown.
 */
final class ProviderListeners implements SmartLifecycle {

    private final ProviderRegistry registry;

    private final ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> factory;

    private final Consumer<SpecificRecord> handler;

    private final int consumersPerProvider;

    private final List<ConcurrentMessageListenerContainer<String, SpecificRecord>> containers = new ArrayList<>();

    ProviderListeners(ProviderRegistry registry,
            ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> factory, Consumer<SpecificRecord> handler,
            int consumersPerProvider) {
        this.registry = registry;
        this.factory = factory;
        this.handler = handler;
        this.consumersPerProvider = consumersPerProvider;
    }

    static String groupId(ProviderAdapter adapter) {
        return "workers-" + adapter.id().value();
    }

    @Override
    public synchronized void start() {
        for (ProviderAdapter adapter : registry.all()) {
            String provider = adapter.id().value();
            start(adapter, groupId(adapter) + "-submissions", Topics.submitted(provider));
            // tasks.cancel carries every provider's cancels: each provider's group takes
            // its own and skips the rest
            start(adapter, groupId(adapter), Topics.poll(provider), Topics.CANCEL);
        }
    }

    private void start(ProviderAdapter adapter, String name, String... topics) {
        String provider = adapter.id().value();
        ConcurrentMessageListenerContainer<String, SpecificRecord> container = factory.createContainer(topics);
        container.getContainerProperties().setGroupId(groupId(adapter));
        container.getContainerProperties()
            .setMessageListener(
                    (MessageListener<String, SpecificRecord>) (ConsumerRecord<String, SpecificRecord> record) -> {
                        if (isFor(provider, record.value())) {
                            handler.accept(record.value());
                        }
                    });
        container.setConcurrency(consumersPerProvider);
        container.setBeanName(name);
        container.start();
        containers.add(container);
    }

    private static boolean isFor(String provider, SpecificRecord event) {
        return !(event instanceof TaskCancelRequested cancel) || provider.equals(cancel.getProvider());
    }

    @Override
    public synchronized void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        containers.clear();
    }

    @Override
    public synchronized void stop(Runnable callback) {
        List<ConcurrentMessageListenerContainer<String, SpecificRecord>> stopping = List.copyOf(containers);
        containers.clear();
        if (stopping.isEmpty()) {
            callback.run();
            return;
        }
        AtomicInteger running = new AtomicInteger(stopping.size());
        stopping.forEach(container -> container.stop(() -> {
            if (running.decrementAndGet() == 0) {
                callback.run();
            }
        }));
    }

    @Override
    public synchronized boolean isRunning() {
        return !containers.isEmpty();
    }

}
