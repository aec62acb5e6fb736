package com.aimedia.gateway.workers.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;

import com.aimedia.gateway.platform.kafka.EventPublisher;
import com.aimedia.gateway.platform.kafka.GatewayKafkaProperties;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.workers.callbacks.CallbackEvents;
import com.aimedia.gateway.workers.polling.PollService;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderRegistry;
import com.aimedia.gateway.workers.reporting.StatusReporter;
import com.aimedia.gateway.workers.submission.CancelService;
import com.aimedia.gateway.workers.submission.SubmissionService;

/**
 * The Kafka edge: the provider listeners, the publishers of {@code tasks.status}, and the
 * topics.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    StatusReporter statusReporter(EventPublisher publisher, Clock clock) {
        return new KafkaStatusReporter(publisher, clock);
    }

    @Bean
    CallbackEvents callbackEvents(EventPublisher publisher, Clock clock) {
        return new KafkaCallbackEvents(publisher, clock);
    }

    @Bean
    WorkerEventHandler workerEventHandler(SubmissionService submissions, PollService polls, CancelService cancels) {
        return new WorkerEventHandler(submissions, polls, cancels);
    }

    @Bean
    ProviderListeners providerListeners(ProviderRegistry registry,
            ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> kafkaListenerContainerFactory,
            WorkerEventHandler handler, ListenerProperties properties) {
        return new ProviderListeners(registry, kafkaListenerContainerFactory, handler::handle,
                properties.consumersPerProvider());
    }

    /**
     * The topics this service consumes (with their dead-letter topics;
     * {@code tasks.cancel} is shared by every provider's group) and {@code tasks.status},
     * which it produces.
     */
    @Bean
    KafkaAdmin.NewTopics workerTopics(ProviderRegistry registry, GatewayKafkaProperties kafka) {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(Topics.STATUS, kafka.partitions(), kafka.replicationFactor()));
        topics.add(new NewTopic(Topics.CANCEL, kafka.partitions(), kafka.replicationFactor()));
        topics.add(
                new NewTopic(Topics.CANCEL + Topics.DEAD_LETTER_SUFFIX, kafka.partitions(), kafka.replicationFactor()));
        for (ProviderAdapter adapter : registry.all()) {
            for (String topic : List.of(Topics.submitted(adapter.id().value()), Topics.poll(adapter.id().value()))) {
                topics.add(new NewTopic(topic, kafka.partitions(), kafka.replicationFactor()));
                topics.add(
                        new NewTopic(topic + Topics.DEAD_LETTER_SUFFIX, kafka.partitions(), kafka.replicationFactor()));
            }
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

}
