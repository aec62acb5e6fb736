package com.aimedia.gateway.workers.limits;

/**
 * Metric and tag names of provider-workers, in one place (lowercase, dotted; bounded tag
 * values only).
 */
public final class WorkerMetrics {

    /** Timer of every provider HTTP operation. */
    public static final String PROVIDER_REQUESTS = "gateway.provider.requests";

    public static final String TAG_PROVIDER = "provider";

    public static final String TAG_OPERATION = "operation";

    public static final String TAG_OUTCOME = "outcome";

    /**
     * Submitting a task, including looking up a task whose submit outcome was unknown.
     */
    public static final String OPERATION_SUBMIT = "submit";

    public static final String OPERATION_POLL = "poll";

    public static final String OPERATION_CANCEL = "cancel";

    public static final String OUTCOME_SUCCESS = "success";

    public static final String OUTCOME_RETRYABLE = "retryable";

    public static final String OUTCOME_PERMANENT = "permanent";

    /**
     * The provider refused the call for its rate or concurrency limit (its 429): its own
     * back-pressure, not a failure (a full account answers every submit so).
     */
    public static final String OUTCOME_RATE_LIMITED = "rate_limited";

    /** Gauge of each provider's circuit breaker: 0 closed, 0.5 half-open, 1 open. */
    public static final String PROVIDER_CIRCUIT = "gateway.provider.circuit";

    /**
     * Counter of provider calls the gateway refused itself, without calling the provider.
     */
    public static final String PROVIDER_REFUSED = "gateway.provider.refused";

    public static final String TAG_REASON = "reason";

    /** No token of the provider's rate limit within the maximum wait. */
    public static final String REASON_RATE = "rate";

    /** No free slot of the provider's concurrency limit within the maximum wait. */
    public static final String REASON_CONCURRENCY = "concurrency";

    /** The provider's circuit is open (or half-open with its trial call in flight). */
    public static final String REASON_CIRCUIT = "circuit";

    /**
     * Counter of submits a provider refused for its rate or concurrency limit, by
     * provider and outcome: {@value #OUTCOME_WAITED} (the task stays queued and is
     * retried) or {@value #OUTCOME_GAVE_UP} (past the patience, the task failed
     * rate_limited).
     */
    public static final String SUBMISSIONS_RATE_LIMITED = "gateway.submissions.rate.limited";

    public static final String OUTCOME_WAITED = "waited";

    public static final String OUTCOME_GAVE_UP = "gave_up";

    private WorkerMetrics() {
    }

}
