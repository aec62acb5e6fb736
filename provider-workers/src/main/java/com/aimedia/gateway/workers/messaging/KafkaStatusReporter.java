package com.aimedia.gateway.workers.submission;

import com.aimedia.gateway.platform.kafka.EventPublisher;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;

/** Publishes reports on {@code tasks.status} and waits for acks=all. */
final class KafkaStatusReporter implements StatusReporter {

    private final EventPublisher publisher;

    KafkaStatusReporter(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void report(TaskStatusReported report) {
        publisher.publish(Topics.STATUS, report);
    }
}
