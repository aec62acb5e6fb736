package com.aimedia.gateway.orchestrator;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.aimedia.gateway.platform.kafka.GatewayKafkaProperties;
import com.aimedia.gateway.schemas.Topics;

/**
 * The clock, scheduling (poll scheduler, outbox relay), and the topics the orchestrator consumes and produces
 * whose names it knows: {@code tasks.status} and {@code tasks.cancel} (each with its dead-letter topic, same partitions so the
 * dead-letter publisher can keep the partition) and {@code tasks.changed}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OrchestratorConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    NewTopic statusTopic(GatewayKafkaProperties kafka) {
        return new NewTopic(Topics.STATUS, kafka.partitions(), kafka.replicationFactor());
    }

    @Bean
    NewTopic statusDeadLetterTopic(GatewayKafkaProperties kafka) {
        return new NewTopic(Topics.STATUS + Topics.DEAD_LETTER_SUFFIX, kafka.partitions(), kafka.replicationFactor());
    }

    @Bean
    NewTopic cancelTopic(GatewayKafkaProperties kafka) {
        return new NewTopic(Topics.CANCEL, kafka.partitions(), kafka.replicationFactor());
    }

    @Bean
    NewTopic cancelDeadLetterTopic(GatewayKafkaProperties kafka) {
        return new NewTopic(Topics.CANCEL + Topics.DEAD_LETTER_SUFFIX, kafka.partitions(), kafka.replicationFactor());
    }

    @Bean
    NewTopic changedTopic(GatewayKafkaProperties kafka) {
        return new NewTopic(Topics.CHANGED, kafka.partitions(), kafka.replicationFactor());
    }
}
