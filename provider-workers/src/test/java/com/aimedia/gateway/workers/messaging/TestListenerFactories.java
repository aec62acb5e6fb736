package com.aimedia.gateway.workers.messaging;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import com.aimedia.gateway.schemas.EventDeserializer;

/**
 * The listener container factory the provider listener tests start
 * {@link ProviderListeners} with: the gateway's Avro events, offsets committed per record
 * as the workers' own factory does.
 */
final class TestListenerFactories {

    private TestListenerFactories() {
    }

    static ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> recordAcked(EmbeddedKafkaBroker broker) {
        ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new EventDeserializer()));
        factory.getContainerProperties().setAckMode(AckMode.RECORD);
        return factory;
    }

}
