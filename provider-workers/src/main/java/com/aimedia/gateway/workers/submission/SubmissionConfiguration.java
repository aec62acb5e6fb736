package com.aimedia.gateway.workers.submission;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aimedia.gateway.platform.kafka.GatewayKafkaProperties;
import com.aimedia.gateway.platform.retention.RecordSweeper;
import com.aimedia.gateway.platform.retention.TaskRecordRetention;
import com.aimedia.gateway.workers.limits.ProviderCalls;
import com.aimedia.gateway.workers.limits.Sleeper;
import com.aimedia.gateway.workers.limits.WorkerMetrics;
import com.aimedia.gateway.workers.outputs.OutputPublisher;
import com.aimedia.gateway.workers.provider.ProviderAdapterLookup;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderRegistry;
import com.aimedia.gateway.workers.reporting.StatusReporter;
import com.aimedia.gateway.workers.urls.ProviderCallbackUrls;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** Wires at-most-once submission for every registered provider adapter. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TaskRecordRetention.class)
class SubmissionConfiguration {

    @Bean
    SubmissionStore submissionStore(MongoDatabase mongoDatabase, SubmissionProperties properties,
            TaskRecordRetention retention) {
        // unique per process start: a restarted process does not hold the leases of the
        // one that was killed
        SubmissionStore store = new SubmissionStore(mongoDatabase, "workers-" + UUID.randomUUID(), properties.lease(),
                retention);
        store.createIndexes();
        return store;
    }

    /**
     * Deletes settled submission records once their tenant's task-record retention has
     * ended.
     */
    @Bean
    RecordSweeper submissionRecordSweeper(SubmissionStore store, TaskRecordRetention retention, Clock clock,
            MeterRegistry meters) {
        return new RecordSweeper(SubmissionStore.COLLECTION,
                new RecordSweeper.ExpiredRecords(store::findExpiredRecords, store::deleteExpiredRecords), retention,
                clock, meters);
    }

    @Bean
    SubmissionLeases submissionLeases(SubmissionStore store, Clock clock, SubmissionProperties properties) {
        return new SubmissionLeases(store, clock, properties.lease());
    }

    @Bean
    SubmissionService submissionService(ProviderAdapterLookup adapters, SubmissionStore store, SubmissionLeases leases,
            StatusReporter reporter, ProviderCalls calls, JsonMapper json, Clock clock, SubmissionProperties properties,
            GatewayKafkaProperties kafka, OutputPublisher outputs, ProviderCallbackUrls callbackUrls,
            MeterRegistry meters, ProviderRegistry providers) {
        if (properties.maxAttempts() > kafka.retryAttempts() + 1) {
            throw new IllegalStateException("gateway.workers.submission.max-attempts (" + properties.maxAttempts()
                    + ") must not exceed gateway.kafka.retry-attempts + 1 (" + (kafka.retryAttempts() + 1)
                    + "), or a task whose provider keeps failing would reach the dead-letter topic without being "
                    + "reported FAILED");
        }
        // at 0 from the start, so that an alert on their increase has a series to look at
        for (ProviderAdapter provider : providers.all()) {
            for (String outcome : List.of(WorkerMetrics.OUTCOME_WAITED, WorkerMetrics.OUTCOME_GAVE_UP)) {
                SubmissionService.rateLimitedCounter(meters, provider.id().value(), outcome);
            }
        }
        return new SubmissionService(adapters, store, leases, reporter, calls, json, clock, properties,
                new RetryDelay(properties.rateLimitBackoff(), () -> ThreadLocalRandom.current().nextDouble()),
                Sleeper.threadSleep(), outputs, callbackUrls, meters);
    }

    @Bean
    CancelService cancelService(ProviderAdapterLookup adapters, SubmissionStore store, ProviderCalls calls,
            Clock clock) {
        return new CancelService(adapters, store, new ProviderCancels(calls), clock);
    }

}
