package com.aimedia.gateway.workers.messaging;

import java.time.Clock;

import com.aimedia.gateway.platform.kafka.EventPublisher;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.workers.reporting.StatusReport;
import com.aimedia.gateway.workers.reporting.StatusReporter;

/**
 * Publishes reports as {@code TaskStatusReported} on {@code tasks.status} and waits for
 * acks=all.
 */
final class KafkaStatusReporter implements StatusReporter {

    private final EventPublisher publisher;

    private final Clock clock;

    KafkaStatusReporter(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void report(StatusReport report) {
        publisher.publish(Topics.STATUS, WorkerEventMapper.toEvent(report, clock.instant()));
    }

}
