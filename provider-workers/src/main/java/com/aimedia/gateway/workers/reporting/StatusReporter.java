package com.aimedia.gateway.workers.reporting;

/**
 * Publishes what a worker learned on {@code tasks.status}; returns only once it is
 * durable.
 */
@FunctionalInterface
public interface StatusReporter {

    void report(StatusReport report);

}
