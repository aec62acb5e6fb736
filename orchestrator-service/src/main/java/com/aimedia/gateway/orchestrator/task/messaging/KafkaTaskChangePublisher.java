package com.aimedia.gateway.orchestrator.task.messaging;

import java.util.List;

import org.springframework.stereotype.Component;

import com.aimedia.gateway.orchestrator.task.StatusChange;
import com.aimedia.gateway.orchestrator.task.TaskChangePublisher;
import com.aimedia.gateway.platform.kafka.EventPublisher;
import com.aimedia.gateway.platform.tracing.TaskTraces;
import com.aimedia.gateway.schemas.Topics;

/**
 * Publishes task versions as TaskStatusChanged on {@code tasks.changed}, waiting for
 * acks=all.
 */
@Component
class KafkaTaskChangePublisher implements TaskChangePublisher {

    private final EventPublisher publisher;

    private final TaskTraces traces;

    KafkaTaskChangePublisher(EventPublisher publisher, TaskTraces traces) {
        this.publisher = publisher;
        this.traces = traces;
    }

    /**
     * In the task's trace, whichever thread publishes (the ingest batch or the outbox
     * relay).
     */
    @Override
    public void publish(StatusChange change) {
        traces.inTrace(change.traceParent(), "publish task change",
                () -> publisher.publish(Topics.CHANGED, TaskEventMapper.toAvro(change)));
    }

    /**
     * Each change is sent in its own task's trace; then one wait for all
     * acknowledgements.
     */
    @Override
    public List<Boolean> publishAll(List<StatusChange> changes) {
        return publisher.publishAll(Topics.CHANGED, changes.stream().map(TaskEventMapper::toAvro).toList(),
                changes.stream().map(StatusChange::traceParent).toList());
    }

}
