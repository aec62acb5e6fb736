package com.aimedia.gateway.orchestrator.polling.messaging;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.orchestrator.polling.PollRequests;
import com.aimedia.gateway.platform.kafka.EventPublisher;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.PollRequested;
import com.aimedia.gateway.schemas.v1.SubmissionCheckRequested;
import com.aimedia.gateway.schemas.v1.TaskCancelRequested;

/**
 * Sends poll requests and submission checks on the provider's poll topic, and stops on
 * {@code tasks.cancel}, waiting for acks=all.
 */
@Component
class KafkaPollRequests implements PollRequests {

    private final EventPublisher publisher;

    KafkaPollRequests(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void poll(String taskId, String provider, @Nullable String providerTaskId, @Nullable String providerRef,
            int attempt, Instant at) {
        publisher.publish(Topics.poll(provider),
                PollRequested.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setTaskId(taskId)
                    .setOccurredAt(at)
                    .setProvider(provider)
                    .setProviderTaskId(providerTaskId)
                    .setProviderRef(providerRef)
                    .setAttempt(attempt)
                    .build());
    }

    @Override
    public void submissionCheck(String taskId, String provider, Instant at) {
        publisher.publish(Topics.poll(provider),
                SubmissionCheckRequested.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setTaskId(taskId)
                    .setOccurredAt(at)
                    .setProvider(provider)
                    .build());
    }

    @Override
    public void stop(String taskId, String provider, String tenantId, Instant at) {
        publisher.publish(Topics.CANCEL,
                TaskCancelRequested.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setTaskId(taskId)
                    .setOccurredAt(at)
                    .setTenantId(tenantId)
                    .setProvider(provider)
                    .build());
    }

}
