package com.aimedia.gateway.orchestrator.task;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * One planned write of a batch: the task as read (null when it has no document yet) and
 * the changes that the batch's events for it made, in the order they were applied. The
 * write stores the last state and appends every version the changes published, so that it
 * means the same as applying the events one by one.
 */
record TaskWrite(@Nullable StoredTask current, List<Step> steps) {

    /** An event that changed the task, and how. */
    record Step(TaskEvent event, Transition.Changed change) {
    }

    TaskWrite {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a write needs at least one change");
        }
    }

    String taskId() {
        return after().taskId();
    }

    TaskState after() {
        return steps.getLast().change().after();
    }

    List<StatusChange> publications() {
        return steps.stream().map(step -> step.change().publication()).filter(Objects::nonNull).toList();
    }

    /**
     * The document as it is once this write applied: one revision on, the new versions
     * appended to the outbox.
     */
    StoredTask written() {
        if (current == null) {
            return new StoredTask(after(), 1L, publications(), true);
        }
        return new StoredTask(after(), current.revision() + 1,
                Stream.concat(current.outbox().stream(), publications().stream()).toList(), true);
    }
}
