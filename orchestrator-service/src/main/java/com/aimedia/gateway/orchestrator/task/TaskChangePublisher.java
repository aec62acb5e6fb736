package com.aimedia.gateway.orchestrator.task;

/** Publishes one version of a task's public view on {@code tasks.changed}; returns once it is durable. */
public interface TaskChangePublisher {

    /** @throws RuntimeException when the event could not be published; the entry then stays in the outbox */
    void publish(StatusChange change);
}
