package com.aimedia.gateway.example.taskevents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.schemas.v1.TaskStatusChanged;

/**
 * What this consumer does with each change: a plain method, unit-testable without Kafka.
 */
final class TaskStatusHandler {

    private static final Logger log = LoggerFactory.getLogger(TaskStatusHandler.class);

    private final TaskStatusBoard board;

    TaskStatusHandler(TaskStatusBoard board) {
        this.board = board;
    }

    void on(TaskStatusChanged event) {
        if (!board.apply(event)) {
            log.debug("stale or duplicate task event ignored taskId={} version={}", event.getTaskId(),
                    event.getVersion());
            return;
        }
        log.info("task changed taskId={} status={} version={} model={} outputs={}", event.getTaskId(),
                event.getStatus(), event.getVersion(), event.getModel(), event.getOutputs().size());
    }

}
