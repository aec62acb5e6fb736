package com.aimedia.gateway.callback;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aimedia.gateway.platform.kafka.GatewayKafkaProperties;
import com.aimedia.gateway.schemas.Topics;

/**
 * The clock and the topics this service consumes ({@code tasks.changed}) and may produce
 * to (its dead letters).
 */
@Configuration(proxyBeanMethods = false)
class CallbackConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    NewTopic tasksChangedTopic(GatewayKafkaProperties kafka) {
        return new NewTopic(Topics.CHANGED, kafka.partitions(), kafka.replicationFactor());
    }

    @Bean
    NewTopic tasksChangedDeadLetterTopic(GatewayKafkaProperties kafka) {
        return new NewTopic(Topics.CHANGED + Topics.DEAD_LETTER_SUFFIX, kafka.partitions(), kafka.replicationFactor());
    }

}
