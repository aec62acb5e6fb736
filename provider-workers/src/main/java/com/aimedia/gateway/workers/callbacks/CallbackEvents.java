package com.aimedia.gateway.workers.callbacks;

/**
 * Tells the orchestrator that a provider called back about a task, so it polls the task
 * at once.
 */
@FunctionalInterface
public interface CallbackEvents {

    /** Returns only once the announcement is durable. */
    void received(String taskId, String provider);

}
