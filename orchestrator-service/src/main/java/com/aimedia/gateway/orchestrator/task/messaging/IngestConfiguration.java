package com.aimedia.gateway.orchestrator.task.messaging;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The orchestrator's listener containers: the platform's consumer factory and error
 * handler, but batch listeners whose offsets are committed only after the listener
 * returned, that is after the whole batch is written (ack mode BATCH), and a
 * per-partition fetch bound so that one provider's backlog shares every fetch with the
 * others.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    static final String BATCH_FACTORY = "orchestratorBatchFactory";

    @Bean(BATCH_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> orchestratorBatchFactory(
            ConsumerFactory<String, SpecificRecord> eventConsumerFactory, DefaultErrorHandler kafkaErrorHandler,
            IngestProperties properties) {
        ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(eventConsumerFactory);
        factory.setCommonErrorHandler(kafkaErrorHandler);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        factory.getContainerProperties().setObservationEnabled(true);
        factory.getContainerProperties()
            .getKafkaConsumerProperties()
            .putAll(Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(properties.maxBatch()),
                    ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                    String.valueOf(properties.partitionFetch().toBytes())));
        return factory;
    }

}
