package com.aimedia.gateway.orchestrator.task;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies events to tasks: read, decide with {@link TaskStateMachine}, write once
 * conditionally (retrying when another writer got there first), then publish what the
 * write put in the outbox.
 */
@Service
public class TaskService {

    static final int MAX_WRITE_ATTEMPTS = 16;

    private static final Logger log = LoggerFactory.getLogger(TaskService.class);

    private final TaskStore store;

    private final TaskStateMachine stateMachine;

    private final Outbox outbox;

    private final Clock clock;

    private final TransitionRecorder recorder;

    TaskService(TaskStore store, TaskStateMachine stateMachine, Outbox outbox, Clock clock,
            TransitionRecorder recorder) {
        this.store = store;
        this.stateMachine = stateMachine;
        this.outbox = outbox;
        this.clock = clock;
        this.recorder = recorder;
    }

    /**
     * Applies one event; a duplicate or stale event changes nothing.
     * @return whether the event changed the task
     */
    public boolean apply(TaskEvent event) {
        for (int attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
            Optional<StoredTask> current = store.find(event.taskId());
            Transition transition = stateMachine.next(current.map(StoredTask::state).orElse(null), event);
            switch (transition) {
                case Transition.Unchanged unchanged -> {
                    log.debug("event changes nothing taskId={} event={}", event.taskId(),
                            event.getClass().getSimpleName());
                    return false;
                }
                case Transition.Changed changed -> {
                    Instant now = clock.instant();
                    Optional<StoredTask> written = current.isEmpty()
                            ? store.insert(changed.after(), changed.publication(), now)
                            : store.update(current.get(), changed.after(), changed.publication(), now);
                    if (written.isPresent()) {
                        recorder.applied(event, changed, now);
                        outbox.flush(written.get());
                        return true;
                    }
                    log.debug("write conflict, retrying taskId={} attempt={}", event.taskId(), attempt);
                }
            }
        }
        throw new TaskWriteConflictException(event.taskId(), MAX_WRITE_ATTEMPTS);
    }

}
