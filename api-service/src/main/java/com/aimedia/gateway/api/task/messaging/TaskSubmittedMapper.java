package com.aimedia.gateway.api.task.messaging;

import com.aimedia.gateway.api.submission.Submission;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;

/** The Kafka edge: a {@link Submission} as the Avro TaskSubmitted event. */
final class TaskSubmittedMapper {

    private TaskSubmittedMapper() {
    }

    static TaskSubmitted toEvent(Submission submission) {
        return TaskSubmitted.newBuilder()
            .setEventId(submission.eventId())
            .setTaskId(submission.taskId())
            .setOccurredAt(submission.occurredAt())
            .setTenantId(submission.tenantId())
            .setModel(submission.model())
            .setProvider(submission.provider())
            .setProviderModel(submission.providerModel())
            .setInput(submission.input())
            .setCallbackUrl(submission.callbackUrl())
            .setCreatedAt(submission.createdAt())
            .setMetadata(submission.metadataMap())
            .setWebhookEvents(submission.webhookEvents())
            .setVideoSeconds(submission.videoSeconds())
            .build();
    }

}
