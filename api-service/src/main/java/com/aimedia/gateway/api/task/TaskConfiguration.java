package com.aimedia.gateway.api.task;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import com.aimedia.gateway.api.catalog.ModelCatalog;
import com.aimedia.gateway.platform.kafka.GatewayKafkaProperties;
import com.aimedia.gateway.platform.retention.TaskRecordRetention;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.urlguard.CallbackUrlGuard;
import com.aimedia.gateway.urlguard.HostResolver;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TaskRecordRetention.class)
class TaskConfiguration {

    @Bean
    CallbackUrlGuard callbackUrlGuard(CallbackUrlProperties properties) {
        return new CallbackUrlGuard(properties.allowedNetworks(), HostResolver.system());
    }

    /** tasks.submitted.&lt;provider&gt; for every provider of the catalog. */
    @Bean
    KafkaAdmin.NewTopics submittedTopics(ModelCatalog catalog, GatewayKafkaProperties kafka) {
        return new KafkaAdmin.NewTopics(catalog.providers()
            .stream()
            .map(provider -> TopicBuilder.name(Topics.submitted(provider))
                .partitions(kafka.partitions())
                .replicas(kafka.replicationFactor())
                .build())
            .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    /**
     * tasks.cancel: this service publishes TaskCancelRequested there, the orchestrator
     * consumes it.
     */
    @Bean
    org.apache.kafka.clients.admin.NewTopic cancelTopic(GatewayKafkaProperties kafka) {
        return TopicBuilder.name(Topics.CANCEL)
            .partitions(kafka.partitions())
            .replicas(kafka.replicationFactor())
            .build();
    }

}
