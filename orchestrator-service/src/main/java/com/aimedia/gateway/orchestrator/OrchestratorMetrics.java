package com.aimedia.gateway.orchestrator;

/**
 * Metric and tag names of the orchestrator. Tags take bounded values only: never a task
 * or tenant id.
 */
public final class OrchestratorMetrics {

    /** Counter: a task moved into a status. Tags {@link #PROVIDER}, {@link #TO}. */
    public static final String TASK_TRANSITIONS = "gateway.task.transitions";

    /**
     * Timer: from created_at to the terminal status. Tags {@link #PROVIDER},
     * {@link #STATUS}.
     */
    public static final String TASK_DURATION = "gateway.task.duration";

    /**
     * Timer: how long a task spent in one stage of its path, measured when the stage
     * ends. Tags {@link #PROVIDER}, {@link #STAGE} = queued | provider | stored
     * (callback-service adds webhook, without a provider).
     */
    public static final String TASK_STAGE = "gateway.task.stage";

    /** Gauge: task documents with versions still to publish. */
    public static final String OUTBOX_PENDING = "gateway.outbox.pending";

    /** Gauge: polls that are due and not yet claimed. */
    public static final String POLL_BACKLOG = "gateway.poll.backlog";

    /**
     * Gauge (seconds): how late the oldest due, unclaimed poll was at the scheduler's
     * last tick; 0 when nothing was due.
     */
    public static final String POLL_LAG = "gateway.poll.lag";

    /** Counter: poll requests published. Tags {@link #PROVIDER}. */
    public static final String POLLS_REQUESTED = "gateway.poll.requests";

    public static final String PROVIDER = "provider";

    public static final String TO = "to";

    public static final String STATUS = "status";

    public static final String STAGE = "stage";

    private OrchestratorMetrics() {
    }

}
