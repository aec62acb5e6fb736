package com.aimedia.gateway.platform.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.jspecify.annotations.Nullable;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import com.aimedia.gateway.platform.mongo.MongoOutages;
import com.aimedia.gateway.platform.tracing.TaskTraces;
import com.aimedia.gateway.schemas.EventDeserializer;
import com.aimedia.gateway.schemas.EventSerializer;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.UndecodableEventException;

/**
 * The one Kafka set-up every service imports
 * ({@code @Import(GatewayKafkaConfiguration.class)}): producers are idempotent with
 * acks=all; listeners commit a record's offset only after the listener returned (ack mode
 * RECORD); a record that still fails after bounded retries, or cannot be decoded at all,
 * goes to {@code <topic>.DLT} with the failure in headers.
 */
@EnableKafka
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayKafkaProperties.class)
@Import(KafkaHealthConfiguration.class)
public class GatewayKafkaConfiguration {

    /**
     * The longest wait between two retries of a record while MongoDB or Kafka is down.
     */
    static final Duration OUTAGE_MAX_INTERVAL = Duration.ofSeconds(5);

    @Bean
    KafkaAdmin kafkaAdmin(GatewayKafkaProperties properties) {
        Map<String, Object> config = new HashMap<>(properties.security().clientProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        KafkaAdmin admin = new KafkaAdmin(config);
        admin.setFatalIfBrokerNotAvailable(false);
        return admin;
    }

    @Bean
    KafkaTemplate<String, SpecificRecord> eventKafkaTemplate(GatewayKafkaProperties properties,
            ObjectProvider<MeterRegistry> meterRegistry) {
        DefaultKafkaProducerFactory<String, SpecificRecord> producerFactory = new DefaultKafkaProducerFactory<>(
                producerConfig(properties), new StringSerializer(), new EventSerializer());
        meterRegistry.ifAvailable(registry -> producerFactory.addListener(new MicrometerProducerListener<>(registry)));
        KafkaTemplate<String, SpecificRecord> template = new KafkaTemplate<>(producerFactory);
        template.setObservationEnabled(true);
        return template;
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, SpecificRecord> eventKafkaTemplate,
            GatewayKafkaProperties properties, @Value("${spring.application.name:gateway}") String applicationName,
            TaskTraces taskTraces) {
        return new EventPublisher(eventKafkaTemplate, "/gateway/" + applicationName, properties.publishTimeout(),
                taskTraces);
    }

    @Bean
    TaskTraces taskTraces(ObjectProvider<ObservationRegistry> observations, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        return new TaskTraces(observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    ConsumerFactory<String, SpecificRecord> eventConsumerFactory(GatewayKafkaProperties properties,
            ObjectProvider<MeterRegistry> meterRegistry) {
        Map<String, Object> config = new HashMap<>(properties.security().clientProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a new consumer group must see what was published before it first joined:
        // nothing is skipped
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) properties.metadataMaxAge().toMillis());
        // a consumer killed with kill -9 never leaves its group: its partitions wait for
        // the session to time out
        // (45 s by default), so keep that short; heartbeats go three times per session
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) properties.sessionTimeout().toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) properties.sessionTimeout().toMillis() / 3);
        DefaultKafkaConsumerFactory<String, SpecificRecord> factory = new DefaultKafkaConsumerFactory<>(config,
                new ErrorHandlingDeserializer<>(new StringDeserializer()),
                new ErrorHandlingDeserializer<>(new EventDeserializer()));
        // consumer lag and fetch metrics per client, for the consumer-lag alert
        meterRegistry.ifAvailable(registry -> factory.addListener(new MicrometerConsumerListener<>(registry)));
        return factory;
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, SpecificRecord> eventKafkaTemplate,
            GatewayKafkaProperties properties) {
        KafkaTemplate<String, byte[]> rawTemplate = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                producerConfig(properties), new StringSerializer(), new ByteArraySerializer()));
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, rawTemplate);
        templates.put(SpecificRecord.class, eventKafkaTemplate);
        // docs/design.md names dead-letter topics <topic>.DLT (spring-kafka's own default
        // suffix is "-dlt")
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates, (record,
                exception) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, record.partition()));

        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxAttempts(properties.retryAttempts());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(DeserializationException.class, UndecodableEventException.class);
        handler.setBackOffFunction((record, exception) -> backOffFor(exception, properties));
        return handler;
    }

    /**
     * The back-off for a failed record when it differs from the bounded default (null):
     * none for a permanent failure (PermanentFailure is an interface, which the
     * class-based classifier cannot match), and retries without end for an outage of
     * MongoDB or Kafka, which passes by itself: a record must not reach the dead-letter
     * topic, and its task hang there, because a dependency was down for longer than the
     * bounded retries; and redeliveries without end or wait for a failure whose retries
     * the listener bounds itself ({@link RetriedWithoutLimit}).
     */
    static @Nullable BackOff backOffFor(Exception exception, GatewayKafkaProperties properties) {
        if (isPermanent(exception)) {
            return new FixedBackOff(0, 0);
        }
        if (isOutage(exception)) {
            ExponentialBackOff untilBack = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
            untilBack.setMaxInterval(OUTAGE_MAX_INTERVAL.toMillis());
            return untilBack;
        }
        if (isRetriedWithoutLimit(exception)) {
            return new FixedBackOff(0, FixedBackOff.UNLIMITED_ATTEMPTS);
        }
        return null;
    }

    static boolean isOutage(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof PublishFailedException) {
                return true;
            }
        }
        return MongoOutages.isOutage(exception);
    }

    static boolean isRetriedWithoutLimit(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriedWithoutLimit) {
                return true;
            }
        }
        return false;
    }

    static boolean isPermanent(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof PermanentFailure) {
                return true;
            }
        }
        return false;
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> kafkaListenerContainerFactory(
            ConsumerFactory<String, SpecificRecord> eventConsumerFactory, DefaultErrorHandler kafkaErrorHandler) {
        ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(eventConsumerFactory);
        factory.setCommonErrorHandler(kafkaErrorHandler);
        factory.getContainerProperties().setAckMode(AckMode.RECORD);
        factory.getContainerProperties().setObservationEnabled(true);
        return factory;
    }

    private static Map<String, Object> producerConfig(GatewayKafkaProperties properties) {
        Map<String, Object> config = new HashMap<>(properties.security().clientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) properties.publishTimeout().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Math.min(properties.publishTimeout().toMillis(), 30_000));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // metadata waits count against the publish timeout too: with Kafka down a submit
        // fails fast, not after 60 s
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.publishTimeout().toMillis());
        return config;
    }

}
