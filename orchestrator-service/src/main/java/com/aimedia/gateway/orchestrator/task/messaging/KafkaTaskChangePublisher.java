package com.aimedia.gateway.orchestrator.task.messaging;

import java.util.List;

import org.springframework.stereotype.Component;

import com.aimedia.gateway.orchestrator.task.StatusChange;
import com.aimedia.gateway.orchestrator.task.TaskChangePublisher;
import com.aimedia.gateway.platform.kafka.EventPublisher;
import com.aimedia.gateway.schemas.Topics;

/** Publishes task versions as TaskStatusChanged on {@code tasks.changed}, waiting for acks=all. */
@Component
class KafkaTaskChangePublisher implements TaskChangePublisher {

    private final EventPublisher publisher;

    KafkaTaskChangePublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(StatusChange change) {
        publisher.publish(Topics.CHANGED, TaskEventMapper.toAvro(change));
    }

    @Override
    public List<Boolean> publishAll(List<StatusChange> changes) {
        return publisher.publishAll(Topics.CHANGED, changes.stream().map(TaskEventMapper::toAvro).toList());
    }
}
