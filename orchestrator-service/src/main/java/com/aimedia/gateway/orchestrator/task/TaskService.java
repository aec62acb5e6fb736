package com.aimedia.gateway.orchestrator.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.aimedia.gateway.orchestrator.OrchestratorMetrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Applies events to tasks: read, decide with {@link TaskStateMachine}, write once conditionally (retrying when
 * another writer got there first), then publish what the write put in the outbox.
 */
@Service
public class TaskService {

    static final int MAX_WRITE_ATTEMPTS = 16;
    private static final Logger log = LoggerFactory.getLogger(TaskService.class);

    private final TaskStore store;
    private final TaskStateMachine stateMachine;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry registry;

    TaskService(TaskStore store, TaskStateMachine stateMachine, Outbox outbox, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.stateMachine = stateMachine;
        this.outbox = outbox;
        this.clock = clock;
        this.registry = registry;
    }

    /** Applies one event; a duplicate or stale event changes nothing. */
    public void apply(TaskEvent event) {
        for (int attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
            Optional<StoredTask> current = store.find(event.taskId());
            Transition transition = stateMachine.next(current.map(StoredTask::state).orElse(null), event);
            switch (transition) {
                case Transition.Unchanged unchanged -> {
                    log.debug("event changes nothing taskId={} event={}", event.taskId(),
                            event.getClass().getSimpleName());
                    return;
                }
                case Transition.Changed changed -> {
                    Instant now = clock.instant();
                    Optional<StoredTask> written = current.isEmpty()
                            ? store.insert(changed.after(), changed.publication(), now)
                            : store.update(current.get(), changed.after(), changed.publication(), now);
                    if (written.isPresent()) {
                        applied(event, changed);
                        stagesEnded(current.map(StoredTask::state).orElse(null), changed.after(), now);
                        outbox.flush(written.get());
                        return;
                    }
                    log.debug("write conflict, retrying taskId={} attempt={}", event.taskId(), attempt);
                }
            }
        }
        throw new TaskWriteConflictException(event.taskId(), MAX_WRITE_ATTEMPTS);
    }

    private void stagesEnded(@Nullable TaskState before, TaskState after, Instant storedAt) {
        for (TaskStages.Measured stage : TaskStages.endedBy(before, after, storedAt)) {
            Timer.builder(OrchestratorMetrics.TASK_STAGE)
                .tag(OrchestratorMetrics.PROVIDER, after.provider())
                .tag(OrchestratorMetrics.STAGE, stage.stage())
                .register(registry)
                .record(stage.duration());
        }
    }

    private void applied(TaskEvent event, Transition.Changed changed) {
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
