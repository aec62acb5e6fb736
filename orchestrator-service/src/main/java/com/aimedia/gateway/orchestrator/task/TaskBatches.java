package com.aimedia.gateway.orchestrator.task;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies a batch of events the way {@link TaskService} applies one, with a constant
 * number of round trips: one read of every task concerned, the events of each task folded
 * through {@link TaskStateMachine} in their order, one bulk of conditional writes (each
 * with its outbox entries), one round of publishing per version depth, and one bulk
 * removal of what was published. Since applying events is commutative and idempotent,
 * duplicates inside the batch and a report before its TaskSubmitted end as they would one
 * by one; a task whose write lost to another writer is read and folded again.
 */
@Service
public class TaskBatches {

    private static final Logger log = LoggerFactory.getLogger(TaskBatches.class);

    private final TaskStore store;

    private final TaskStateMachine stateMachine;

    private final Outbox outbox;

    private final Clock clock;

    private final TransitionRecorder recorder;

    TaskBatches(TaskStore store, TaskStateMachine stateMachine, Outbox outbox, Clock clock,
            TransitionRecorder recorder) {
        this.store = store;
        this.stateMachine = stateMachine;
        this.outbox = outbox;
        this.clock = clock;
        this.recorder = recorder;
    }

    /**
     * Applies the events; returns once every change is written (and, unless Kafka failed,
     * published).
     * @throws RuntimeException when a write failed: nothing of the batch may be taken as
     * done, and applying the whole batch again is safe
     */
    public void applyAll(List<? extends TaskEvent> events) {
        Map<String, List<TaskEvent>> byTask = new LinkedHashMap<>();
        events.forEach(event -> byTask.computeIfAbsent(event.taskId(), id -> new ArrayList<>()).add(event));
        List<StoredTask> toFlush = new ArrayList<>();
        Set<String> pending = byTask.keySet();
        for (int attempt = 1; attempt <= TaskService.MAX_WRITE_ATTEMPTS && !pending.isEmpty(); attempt++) {
            Map<String, StoredTask> current = store.findAll(pending);
            List<TaskWrite> writes = new ArrayList<>();
            for (String taskId : pending) {
                StoredTask stored = current.get(taskId);
                // pending holds keys of byTask only
                TaskWrite write = plan(stored, Objects.requireNonNull(byTask.get(taskId)));
                if (write != null) {
                    writes.add(write);
                }
                else if (attempt > 1 && stored != null && !stored.outbox().isEmpty()) {
                    // an earlier attempt's write may have applied after all: its versions
                    // still need publishing
                    toFlush.add(stored);
                }
            }
            Instant now = clock.instant();
            Set<String> lost = store.writeAll(writes, now);
            for (TaskWrite write : writes) {
                if (!lost.contains(write.taskId())) {
                    write.steps().forEach(step -> recorder.applied(step.event(), step.change(), now));
                    toFlush.add(write.written());
                }
            }
            if (!lost.isEmpty()) {
                log.debug("write conflicts in batch, retrying tasks={} attempt={}", lost.size(), attempt);
            }
            pending = lost;
        }
        if (!pending.isEmpty()) {
            throw new TaskWriteConflictException(pending.iterator().next(), TaskService.MAX_WRITE_ATTEMPTS);
        }
        outbox.flushAll(toFlush);
    }

    /**
     * Folds a task's events over its stored state; null when none of them changes
     * anything.
     */
    private @Nullable TaskWrite plan(@Nullable StoredTask stored, List<TaskEvent> events) {
        TaskState state = stored == null ? null : stored.state();
        List<TaskWrite.Step> steps = new ArrayList<>();
        for (TaskEvent event : events) {
            switch (stateMachine.next(state, event)) {
                case Transition.Unchanged unchanged -> log.debug("event changes nothing taskId={} event={}",
                        event.taskId(), event.getClass().getSimpleName());
                case Transition.Changed changed -> {
                    steps.add(new TaskWrite.Step(event, changed));
                    state = changed.after();
                }
            }
        }
        return steps.isEmpty() ? null : new TaskWrite(stored, steps);
    }

}
