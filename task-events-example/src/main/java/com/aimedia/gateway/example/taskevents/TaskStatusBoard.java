package com.aimedia.gateway.example.taskevents;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.aimedia.gateway.schemas.v1.TaskStatus;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;

/**
 * The newest known state of each task. Events arrive at least once and, across a
 * rebalance, possibly again after a newer one: a version at or below the one already
 * applied changes nothing. A real consumer keeps this in its own store with the same rule
 * as a conditional update ({@code version < :new}).
 */
final class TaskStatusBoard {

    private final Map<String, TaskStatusChanged> latest = new ConcurrentHashMap<>();

    private final AtomicLong finished = new AtomicLong();

    /**
     * Applies an event; false when it is a duplicate or older than what was applied
     * already.
     */
    boolean apply(TaskStatusChanged event) {
        boolean[] applied = { false };
        latest.compute(event.getTaskId(), (taskId, current) -> {
            if (current != null && current.getVersion() >= event.getVersion()) {
                return current;
            }
            applied[0] = true;
            return event;
        });
        if (applied[0] && isTerminal(event.getStatus())) {
            finished.incrementAndGet();
        }
        return applied[0];
    }

    Optional<TaskStatusChanged> latest(String taskId) {
        return Optional.ofNullable(latest.get(taskId));
    }

    long finished() {
        return finished.get();
    }

    private static boolean isTerminal(TaskStatus status) {
        return switch (status) {
            case COMPLETED, FAILED -> true;
            case QUEUED, IN_PROGRESS -> false;
        };
    }

}
