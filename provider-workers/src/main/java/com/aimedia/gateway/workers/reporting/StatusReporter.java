package com.aimedia.gateway.workers.submission;

import com.aimedia.gateway.schemas.v1.TaskStatusReported;

/** Publishes what a worker learned on {@code tasks.status}; returns only once it is durable. */
interface StatusReporter {

    void report(TaskStatusReported report);
}
