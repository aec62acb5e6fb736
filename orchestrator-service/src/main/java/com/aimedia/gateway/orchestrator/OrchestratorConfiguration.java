package com.aimedia.gateway.orchestrator;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.aimedia.gateway.orchestrator.task.TaskStore;
import com.aimedia.gateway.platform.kafka.GatewayKafkaProperties;
import com.aimedia.gateway.platform.retention.RecordSweeper;
import com.aimedia.gateway.platform.retention.TaskRecordRetention;
import com.aimedia.gateway.schemas.Topics;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The clock, scheduling (poll scheduler, outbox relay), and the topics the orchestrator
 * consumes and produces whose names it knows: {@code tasks.status} and
 * {@code tasks.cancel} (each with its dead-letter topic, same partitions so the
 * dead-letter publisher can keep the partition) and {@code tasks.changed}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(TaskRecordRetention.class)
class OrchestratorConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Deletes task documents (status history and outbox included) once their tenant's
     * retention has ended.
     */
    @Bean
    RecordSweeper taskRecordSweeper(TaskStore taskStore, TaskRecordRetention retention, Clock clock,
            MeterRegistry registry) {
        return new RecordSweeper(TaskStore.COLLECTION,
                new RecordSweeper.ExpiredRecords(taskStore::findExpiredRecords, taskStore::deleteExpiredRecords),
                retention, clock, registry);
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
