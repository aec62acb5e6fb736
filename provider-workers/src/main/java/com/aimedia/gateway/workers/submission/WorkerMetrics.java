package com.aimedia.gateway.workers.submission;

/** Metric and tag names of provider-workers, in one place (lowercase, dotted; bounded tag values only). */
public final class WorkerMetrics {

    /** Timer of every provider HTTP operation. */
    public static final String PROVIDER_REQUESTS = "gateway.provider.requests";
    public static final String TAG_PROVIDER = "provider";
    public static final String TAG_OPERATION = "operation";
    public static final String TAG_OUTCOME = "outcome";
    /** Submitting a task, including looking up a task whose submit outcome was unknown. */
    public static final String OPERATION_SUBMIT = "submit";
    public static final String OPERATION_POLL = "poll";
    public static final String OUTCOME_SUCCESS = "success";
    public static final String OUTCOME_RETRYABLE = "retryable";
    public static final String OUTCOME_PERMANENT = "permanent";

    private WorkerMetrics() {
    }
}
