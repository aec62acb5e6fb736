package com.aimedia.gateway.platform.kafka;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service reaches Kafka.
 *
 * @param bootstrapServers the brokers
 * @param partitions partitions of the topics this service declares
 * @param replicationFactor replication of the topics this service declares (3 in
 * production)
 * @param publishTimeout how long a publish waits for acks=all before it counts as failed
 * @param retryInitialInterval first back-off of a listener that threw a retryable
 * exception
 * @param retryAttempts retries of a failing record before it goes to the dead-letter
 * topic
 * @param metadataMaxAge how soon a pattern subscription sees a new topic
 * @param sessionTimeout how long the group waits for a silent consumer before its
 * partitions move to another one: the bound on how long a killed process holds its
 * partitions (the broker accepts 6 s to 5 min by default)
 * @param security TLS and SASL settings of every Kafka client of the service
 * (docs/security.md)
 */
@Validated
@ConfigurationProperties("gateway.kafka")
public record GatewayKafkaProperties(@DefaultValue("localhost:9092") @NotBlank String bootstrapServers,
        @DefaultValue("3") @Min(1) int partitions, @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("10s") @NotNull Duration publishTimeout,
        @DefaultValue("500ms") @NotNull Duration retryInitialInterval, @DefaultValue("4") @Min(0) int retryAttempts,
        @DefaultValue("5s") @NotNull Duration metadataMaxAge, @DefaultValue("10s") @NotNull Duration sessionTimeout,
        @DefaultValue @Valid @NotNull KafkaSecurity security) {
}
