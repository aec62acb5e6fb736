package com.aimedia.gateway.workers.submission;

import com.aimedia.gateway.workers.urls.ProviderCallbackUrls;
import com.aimedia.gateway.workers.outputs.OutputPublisher;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;

import com.aimedia.gateway.platform.kafka.EventPublisher;
import com.aimedia.gateway.platform.kafka.GatewayKafkaProperties;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.workers.provider.ServedProvidersProperties;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderRegistry;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** Wires submission and polling for every registered provider adapter. */
@Configuration(proxyBeanMethods = false)
class SubmissionConfiguration {

    /** The adapters this process serves ({@code gateway.workers.providers}); everything below follows from it. */
    @Bean
    ProviderRegistry providerRegistry(List<ProviderAdapter> adapters, ServedProvidersProperties served) {
        try {
            return new ProviderRegistry(adapters).servingOnly(served.ids());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException("gateway.workers.providers: " + e.getMessage(), e);
        }
    }

    @Bean
    SubmissionStore submissionStore(MongoDatabase mongoDatabase, SubmissionProperties properties) {
        // unique per process start: a restarted process does not hold the leases of the one that was killed
        return new SubmissionStore(mongoDatabase, "workers-" + UUID.randomUUID(), properties.lease());
    }

    @Bean
    SubmissionLeases submissionLeases(SubmissionStore store, Clock clock, SubmissionProperties properties) {
        return new SubmissionLeases(store, clock, properties.lease());
    }

    /** One guard per provider, shared by submits and polls; created up front so every provider has its gauge. */
    @Bean
    ProviderGuards providerGuards(ProviderRegistry registry, ProviderLimitsProperties limits, Clock clock,
            MeterRegistry meters) {
        ProviderGuards guards = new ProviderGuards(limits, clock, Sleeper.threadSleep(), meters);
        registry.all().forEach(adapter -> guards.forProvider(adapter.id()));
        return guards;
    }

    @Bean
    PollService pollService(ProviderRegistry registry, EventPublisher publisher, MeterRegistry meters, Clock clock,
            OutputPublisher outputs, ProviderGuards guards) {
        return new PollService(new ProviderAdapterLookup(registry), new KafkaStatusReporter(publisher),
                new ProviderCalls(meters, guards), clock, outputs);
    }

    @Bean
    WorkerEventHandler workerEventHandler(ProviderRegistry registry, SubmissionStore store, SubmissionLeases leases,
            EventPublisher publisher,
            MeterRegistry meters, JsonMapper json, Clock clock, SubmissionProperties properties,
            GatewayKafkaProperties kafka, OutputPublisher outputs, ProviderCallbackUrls callbackUrls,
            PollService pollService, ProviderGuards guards) {
        if (properties.maxAttempts() > kafka.retryAttempts() + 1) {
            throw new IllegalStateException("gateway.workers.submission.max-attempts (" + properties.maxAttempts()
                    + ") must not exceed gateway.kafka.retry-attempts + 1 (" + (kafka.retryAttempts() + 1)
                    + "), or a rate-limited task would reach the dead-letter topic without being reported FAILED");
        }
        SubmissionService submissions = new SubmissionService(new ProviderAdapterLookup(registry), store, leases,
                new KafkaStatusReporter(publisher), new ProviderCalls(meters, guards), json, clock, properties,
                new RetryDelay(properties.rateLimitBackoff(), () -> ThreadLocalRandom.current().nextDouble()),
                Sleeper.threadSleep(), outputs, callbackUrls);
        CancelService cancels = new CancelService(new ProviderAdapterLookup(registry), store,
                new ProviderCancels(new ProviderCalls(meters, guards)), clock);
        return new WorkerEventHandler(submissions, pollService, cancels);
    }

    @Bean
    ProviderCallbacks providerCallbacks(ProviderRegistry registry, EventPublisher publisher, Clock clock) {
        return new ProviderCallbacks(registry, publisher, clock);
    }

    @Bean
    ProviderListeners providerListeners(ProviderRegistry registry,
            ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> kafkaListenerContainerFactory,
            WorkerEventHandler handler) {
        return new ProviderListeners(registry, kafkaListenerContainerFactory, handler::handle);
    }

    /** The topics this service consumes (with their dead-letter topics) and {@code tasks.status}, which it produces. */
    @Bean
    KafkaAdmin.NewTopics workerTopics(ProviderRegistry registry, GatewayKafkaProperties kafka) {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(Topics.STATUS, kafka.partitions(), kafka.replicationFactor()));
        topics.add(new NewTopic(Topics.CANCEL, kafka.partitions(), kafka.replicationFactor()));
        topics.add(new NewTopic(Topics.CANCEL + Topics.DEAD_LETTER_SUFFIX, kafka.partitions(), kafka.replicationFactor()));
        for (ProviderAdapter adapter : registry.all()) {
            for (String topic : List.of(Topics.submitted(adapter.id().value()), Topics.poll(adapter.id().value()))) {
                topics.add(new NewTopic(topic, kafka.partitions(), kafka.replicationFactor()));
                topics.add(new NewTopic(topic + Topics.DEAD_LETTER_SUFFIX, kafka.partitions(), kafka.replicationFactor()));
            }
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
