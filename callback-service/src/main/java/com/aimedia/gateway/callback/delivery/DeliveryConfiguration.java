package com.aimedia.gateway.callback.delivery;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Random;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aimedia.gateway.callback.signing.SigningSecrets;
import com.aimedia.gateway.urlguard.CallbackUrlGuard;
import com.aimedia.gateway.urlguard.HostResolver;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires webhook delivery: recording, the dispatcher loop, the HTTP client and the URL guard. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    DeliveryRepository deliveryRepository(MongoDatabase mongoDatabase) {
        DeliveryRepository repository = new DeliveryRepository(mongoDatabase);
        repository.createIndexes();
        return repository;
    }

    @Bean
    DeliveryRecorder deliveryRecorder(DeliveryRepository deliveryRepository, Clock clock) {
        return new DeliveryRecorder(deliveryRepository, clock);
    }

    @Bean
    CallbackMetrics callbackMetrics(MeterRegistry meterRegistry) {
        return new CallbackMetrics(meterRegistry);
    }

    @Bean
    CallbackUrlGuard callbackUrlGuard(CallbackProperties properties) {
        return new CallbackUrlGuard(properties.allowedNetworks(), HostResolver.system());
    }

    /** Never follows redirects: a 3xx is a failed attempt, and following one would bypass the URL guard. */
    @Bean
    HttpClient webhookHttpClient(CallbackProperties properties) {
        return HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(properties.http().connectTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    }

    @Bean
    DeliveryDispatcher deliveryDispatcher(DeliveryRepository deliveryRepository, CallbackUrlGuard callbackUrlGuard,
            HttpClient webhookHttpClient, SigningSecrets signingSecrets, CallbackMetrics callbackMetrics, Clock clock,
            CallbackProperties properties) {
        RetryPolicy retryPolicy = new RetryPolicy(properties.retrySchedule(), properties.retryJitter(),
                properties.minThrottleBackoff(), clock, new Random());
        WebhookSender sender = new WebhookSender(webhookHttpClient, properties.http().requestTimeout(),
                properties.http().userAgent());
        DeliveryWorker worker = new DeliveryWorker(deliveryRepository, callbackUrlGuard, sender, signingSecrets,
                retryPolicy, callbackMetrics, clock, properties.dispatch().tick());
        return new DeliveryDispatcher(deliveryRepository, worker, callbackMetrics, clock, properties.dispatch(),
                properties.http().connectTimeout().plus(properties.http().requestTimeout()));
    }
}
