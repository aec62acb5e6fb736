package com.aimedia.gateway.orchestrator.task;

/**
 * Other writers kept changing a task between our read and our conditional write.
 * Retryable: the Kafka error handler redelivers the event after a back-off.
 */
public class TaskWriteConflictException extends RuntimeException {

    TaskWriteConflictException(String taskId, int attempts) {
        super("task " + taskId + " changed concurrently " + attempts + " times in a row");
    }

}
