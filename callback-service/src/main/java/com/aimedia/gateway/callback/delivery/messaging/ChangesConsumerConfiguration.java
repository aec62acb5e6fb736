package com.aimedia.gateway.callback.delivery.messaging;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The consumer of {@code tasks.changed}: the platform's consumer factory and error
 * handler, but the offsets of a poll are committed once after all of its records are
 * recorded (ack mode BATCH) instead of once per record. Every task change passes through
 * here, and a commit per record was a broker round trip and an offsets-log write per
 * change. Nothing is committed before its record is recorded; after a crash the records
 * since the last commit are recorded again, which the unique delivery id makes a no-op.
 */
@Configuration(proxyBeanMethods = false)
class ChangesConsumerConfiguration {

    static final String FACTORY = "taskChangesListenerFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> taskChangesListenerFactory(
            ConsumerFactory<String, SpecificRecord> eventConsumerFactory, DefaultErrorHandler kafkaErrorHandler) {
        ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(eventConsumerFactory);
        factory.setCommonErrorHandler(kafkaErrorHandler);
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        factory.getContainerProperties().setObservationEnabled(true);
        return factory;
    }

}
