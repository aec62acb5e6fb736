package com.aimedia.gateway.orchestrator.task;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.orchestrator.OrchestratorMetrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Logs and counts a change once it is written: status transitions, the duration of a task
 * that ended, and the stages of a task's life the write ended ({@link TaskStages}).
 */
@Component
class TransitionRecorder {

    private static final Logger log = LoggerFactory.getLogger(TransitionRecorder.class);

    private final MeterRegistry registry;

    TransitionRecorder(MeterRegistry registry) {
        this.registry = registry;
    }

    void applied(TaskEvent event, Transition.Changed changed, Instant storedAt) {
        counted(event, changed);
        for (TaskStages.Measured stage : TaskStages.endedBy(changed.before(), changed.after(), storedAt)) {
            Timer.builder(OrchestratorMetrics.TASK_STAGE)
                .tag(OrchestratorMetrics.PROVIDER, changed.after().provider())
                .tag(OrchestratorMetrics.STAGE, stage.stage())
                .register(registry)
                .record(stage.duration());
        }
    }

    private void counted(TaskEvent event, Transition.Changed changed) {
        TaskState after = changed.after();
        if (changed.statusChanged()) {
            log.info("task status changed taskId={} provider={} status={} event={}", after.taskId(), after.provider(),
                    after.status().wireName(), event.getClass().getSimpleName());
            Counter.builder(OrchestratorMetrics.TASK_TRANSITIONS)
                .tag(OrchestratorMetrics.PROVIDER, after.provider())
                .tag(OrchestratorMetrics.TO, after.status().wireName())
                .register(registry)
                .increment();
        }
        StatusChange publication = changed.publication();
        Instant completedAt = publication == null ? null : publication.completedAt();
        if (publication != null && completedAt != null) {
            Timer.builder(OrchestratorMetrics.TASK_DURATION)
                .tag(OrchestratorMetrics.PROVIDER, publication.provider())
                .tag(OrchestratorMetrics.STATUS, publication.status().wireName())
                .register(registry)
                .record(Duration.between(publication.createdAt(), completedAt));
        }
    }

}
