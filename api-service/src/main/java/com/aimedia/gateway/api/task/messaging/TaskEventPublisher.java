package com.aimedia.gateway.api.task.messaging;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.aimedia.gateway.api.submission.Submission;
import com.aimedia.gateway.platform.kafka.EventPublisher;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.TaskCancelRequested;

/**
 * Publishes what api-service tells the rest of the gateway about a task, each call
 * returning once Kafka acknowledged the event (acks=all): a submission on its provider's
 * topic, a cancel request on {@code tasks.cancel}.
 */
@Component
public class TaskEventPublisher {

    private final EventPublisher publisher;

    private final Clock clock;

    TaskEventPublisher(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    public void submitted(Submission submission) {
        publisher.publish(Topics.submitted(submission.provider()), TaskSubmittedMapper.toEvent(submission));
    }

    public void cancelRequested(String taskId, String tenantId, String provider) {
        publisher.publish(Topics.CANCEL,
                TaskCancelRequested.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setTaskId(taskId)
                    .setOccurredAt(clock.instant())
                    .setTenantId(tenantId)
                    .setProvider(provider)
                    .build());
    }

}
