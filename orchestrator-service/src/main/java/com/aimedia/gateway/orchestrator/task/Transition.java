package com.aimedia.gateway.orchestrator.task;

import org.jspecify.annotations.Nullable;

/**
 * What applying one event to a task means; decided by {@link TaskStateMachine}, applied
 * by {@link TaskService}.
 */
public sealed interface Transition {

    /**
     * The event changes nothing (a duplicate, a stale status, a report after the task
     * ended).
     */
    record Unchanged(TaskState state) implements Transition {
    }

    /**
     * The task document changes.
     *
     * @param before the state before, null when the task document does not exist yet
     * @param publication the public view to publish, when the change is visible to the
     * client
     */
    record Changed(@Nullable TaskState before, TaskState after,
            @Nullable StatusChange publication) implements Transition {

        public boolean statusChanged() {
            return before == null || before.status() != after.status();
        }
    }

}
