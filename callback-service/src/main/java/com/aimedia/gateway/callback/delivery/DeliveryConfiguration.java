package com.aimedia.gateway.callback.delivery;

import java.time.Clock;
import java.util.Random;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aimedia.gateway.callback.signing.SigningSecrets;
import com.aimedia.gateway.platform.retention.RecordSweeper;
import com.aimedia.gateway.platform.retention.TaskRecordRetention;
import com.aimedia.gateway.platform.tracing.TaskTraces;
import com.aimedia.gateway.storage.TaskBodyLinks;
import com.aimedia.gateway.urlguard.CallbackUrlGuard;
import com.aimedia.gateway.urlguard.HostResolver;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Wires webhook delivery: recording, the dispatcher loop, the HTTP sender, endpoint
 * health and the URL guard.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TaskRecordRetention.class)
class DeliveryConfiguration {

    @Bean
    DeliveryRepository deliveryRepository(MongoDatabase mongoDatabase) {
        DeliveryRepository repository = new DeliveryRepository(mongoDatabase);
        repository.createIndexes();
        return repository;
    }

    @Bean
    Endpoints webhookEndpoints(MongoDatabase mongoDatabase, CallbackProperties properties, CallbackMetrics metrics) {
        Endpoints endpoints = new Endpoints(mongoDatabase, properties.endpointDisableAfter(), metrics);
        endpoints.createIndexes();
        return endpoints;
    }

    @Bean
    DeliveryRecorder deliveryRecorder(DeliveryRepository deliveryRepository, Clock clock, CallbackProperties properties,
            TaskRecordRetention retention, DeliveryDispatcher deliveryDispatcher) {
        return new DeliveryRecorder(deliveryRepository, clock, properties.maxBodySize().toBytes(), retention,
                deliveryDispatcher::nudge);
    }

    /** Deletes settled deliveries once their tenant's task-record retention has ended. */
    @Bean
    RecordSweeper deliveryRecordSweeper(DeliveryRepository deliveryRepository, TaskRecordRetention retention,
            Clock clock, MeterRegistry meterRegistry) {
        return new RecordSweeper(DeliveryRepository.COLLECTION,
                new RecordSweeper.ExpiredRecords(deliveryRepository::findExpiredRecords,
                        deliveryRepository::deleteExpiredRecords),
                retention, clock, meterRegistry);
    }

    @Bean
    DeliveryLog deliveryLog(DeliveryRepository deliveryRepository, Endpoints webhookEndpoints,
            MongoDatabase mongoDatabase, Clock clock) {
        return new DeliveryLog(deliveryRepository, webhookEndpoints, mongoDatabase, clock);
    }

    @Bean
    CallbackMetrics callbackMetrics(MeterRegistry meterRegistry) {
        return new CallbackMetrics(meterRegistry);
    }

    /** A bean so that tests can resolve names with a fake resolver. */
    @Bean
    HostResolver callbackHostResolver() {
        return HostResolver.system();
    }

    @Bean
    CallbackUrlGuard callbackUrlGuard(CallbackProperties properties, HostResolver callbackHostResolver) {
        return new CallbackUrlGuard(properties.allowedNetworks(), callbackHostResolver);
    }

    /**
     * POST /v1/webhooks/test: one signed test event, sent like a delivery attempt (its
     * own sender, same settings).
     */
    @Bean
    WebhookTester webhookTester(CallbackUrlGuard callbackUrlGuard, SigningSecrets signingSecrets, Clock clock,
            CallbackProperties properties) {
        CallbackProperties.Http http = properties.http();
        return new WebhookTester(callbackUrlGuard, new WebhookSender(http.connectTimeout(), http.requestTimeout(),
                http.userAgent(), http.responseBodyLimit()), signingSecrets, clock);
    }

    @Bean
    DeliveryDispatcher deliveryDispatcher(DeliveryRepository deliveryRepository, CallbackUrlGuard callbackUrlGuard,
            SigningSecrets signingSecrets, Endpoints webhookEndpoints, DeadLetterSink deadLetterSink,
            CallbackMetrics callbackMetrics, Clock clock, CallbackProperties properties, TaskBodyLinks taskBodyLinks,
            TaskTraces taskTraces) {
        RetryPolicy retryPolicy = new RetryPolicy(properties.retrySchedule(), properties.retryJitter(),
                properties.minThrottleBackoff(), clock, new Random());
        CallbackProperties.Http http = properties.http();
        WebhookSender sender = new WebhookSender(http.connectTimeout(), http.requestTimeout(), http.userAgent(),
                http.responseBodyLimit());
        DeliveryWorker worker = new DeliveryWorker(deliveryRepository, callbackUrlGuard, sender, signingSecrets,
                retryPolicy, webhookEndpoints, callbackMetrics, clock, properties.dispatch().tick(), taskBodyLinks,
                taskTraces);
        DeadLetterRelay deadLetters = new DeadLetterRelay(deliveryRepository, deadLetterSink, callbackMetrics, clock);
        return new DeliveryDispatcher(deliveryRepository, worker, deadLetters, callbackMetrics, clock,
                properties.dispatch(), http.connectTimeout().plus(http.requestTimeout()));
    }

}
