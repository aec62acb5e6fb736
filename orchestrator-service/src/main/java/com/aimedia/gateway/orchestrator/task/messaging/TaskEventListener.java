package com.aimedia.gateway.orchestrator.task.messaging;

import org.apache.avro.specific.SpecificRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.orchestrator.task.ImmediatePolls;
import com.aimedia.gateway.orchestrator.task.TaskEvent;
import com.aimedia.gateway.orchestrator.task.TaskService;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.ProviderCallbackReceived;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;

/**
 * Feeds submissions (every provider's topic) and provider reports into the task state machine, and turns a provider
 * callback into an immediate poll. The offset is committed after the handler returns, that is after the task
 * document was written (or the poll published).
 */
@Component
class TaskEventListener {

    /** Every {@code tasks.submitted.<provider>} topic but not their {@code .DLT} topics; same as Topics.ALL_SUBMITTED. */
    static final String SUBMITTED_PATTERN = "tasks\\.submitted\\.[a-z0-9-]+";
    static final String GROUP = "orchestrator";

    private final TaskService service;
    private final ImmediatePolls polls;

    TaskEventListener(TaskService service, ImmediatePolls polls) {
        this.service = service;
        this.polls = polls;
    }

    @KafkaListener(id = "orchestrator-submitted", topicPattern = SUBMITTED_PATTERN, groupId = GROUP)
    void on(TaskSubmitted event) {
        apply(TaskEventMapper.toEvent(event));
    }

    @KafkaListener(id = "orchestrator-status", topics = Topics.STATUS, groupId = GROUP)
    void onStatus(SpecificRecord event) {
        switch (event) {
            case TaskStatusReported report -> apply(TaskEventMapper.toEvent(report));
            case ProviderCallbackReceived callback -> {
                try (MDC.MDCCloseable task = MDC.putCloseable("taskId", callback.getTaskId());
                        MDC.MDCCloseable provider = MDC.putCloseable("provider", callback.getProvider())) {
                    polls.pollNow(TaskEventMapper.required("ProviderCallbackReceived", "taskId", callback.getTaskId()));
                }
            }
            default -> throw InvalidEventException.unexpectedType(event.getClass().getSimpleName(), Topics.STATUS);
        }
    }

    private void apply(TaskEvent event) {
        try (MDC.MDCCloseable task = MDC.putCloseable("taskId", event.taskId());
                MDC.MDCCloseable provider = MDC.putCloseable("provider", event.provider())) {
            service.apply(event);
        }
    }
}
