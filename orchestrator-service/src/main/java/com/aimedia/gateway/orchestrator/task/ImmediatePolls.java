package com.aimedia.gateway.orchestrator.task;

/**
 * Polls a task now instead of at its scheduled time: a provider called back about it. The
 * polling feature implements it on the same claimed, published path as scheduled polls; a
 * task that is terminal or unknown is left alone, so a replayed callback triggers
 * nothing.
 */
public interface ImmediatePolls {

    void pollNow(String taskId);

    /**
     * The provider's acceptance of the task was applied: a callback that arrived before
     * it is polled now.
     */
    void acceptanceApplied(String taskId);

}
