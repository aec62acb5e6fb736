package com.aimedia.gateway.orchestrator.task.messaging;

import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.orchestrator.task.TaskEvent;
import com.aimedia.gateway.orchestrator.task.TaskService;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.TaskCancelRequested;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;

/**
 * Feeds submissions (every provider's topic), provider reports and owners' cancel requests into the task state machine. The offset is
 * committed after the handler returns, that is after the task document was written.
 */
@Component
class TaskEventListener {

    /** Every {@code tasks.submitted.<provider>} topic but not their {@code .DLT} topics; same as Topics.ALL_SUBMITTED. */
    static final String SUBMITTED_PATTERN = "tasks\\.submitted\\.[a-z0-9-]+";
    static final String GROUP = "orchestrator";

    private final TaskService service;

    TaskEventListener(TaskService service) {
        this.service = service;
    }

    @KafkaListener(id = "orchestrator-submitted", topicPattern = SUBMITTED_PATTERN, groupId = GROUP)
    void on(TaskSubmitted event) {
        apply(TaskEventMapper.toEvent(event));
    }

    @KafkaListener(id = "orchestrator-status", topics = Topics.STATUS, groupId = GROUP)
    void on(TaskStatusReported event) {
        apply(TaskEventMapper.toEvent(event));
    }

    @KafkaListener(id = "orchestrator-cancel", topics = Topics.CANCEL, groupId = GROUP)
    void on(TaskCancelRequested event) {
        apply(TaskEventMapper.toEvent(event));
    }

    private void apply(TaskEvent event) {
        try (MDC.MDCCloseable task = MDC.putCloseable("taskId", event.taskId());
                MDC.MDCCloseable provider = MDC.putCloseable("provider", event.provider())) {
            service.apply(event);
        }
    }
}
