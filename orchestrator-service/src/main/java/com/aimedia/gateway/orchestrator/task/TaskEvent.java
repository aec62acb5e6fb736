package com.aimedia.gateway.orchestrator.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a task, as the state machine sees it. Times are cut to
 * milliseconds, the precision of the events on Kafka and of dates in MongoDB, so that a
 * stored state compares equal to a recomputed one.
 */
public sealed interface TaskEvent {

    String taskId();

    String provider();

    Instant occurredAt();

    /** A client submitted the task (TaskSubmitted). */
    record Submitted(String taskId, Instant occurredAt, Submission submission) implements TaskEvent {
        public Submitted {
            occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        }

        @Override
        public String provider() {
            return submission.provider();
        }
    }

    /** The provider accepted the task and gave it its own id. */
    record Accepted(String taskId, String provider, Instant occurredAt, String providerTaskId,
            @Nullable String providerRef) implements TaskEvent {
        public Accepted {
            occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /**
     * The provider is running the task.
     *
     * @param progress 0-100 where the provider reports it (clamped), else null
     */
    record Progressed(String taskId, String provider, Instant occurredAt, @Nullable String providerTaskId,
            @Nullable Integer progress) implements TaskEvent {
        public Progressed {
            occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
            progress = progress == null ? null : Math.max(0, Math.min(100, progress));
        }

        public Progressed(String taskId, String provider, Instant occurredAt, @Nullable String providerTaskId) {
            this(taskId, provider, occurredAt, providerTaskId, null);
        }
    }

    /** The provider finished the task with these result URLs. */
    record Completed(String taskId, String provider, Instant occurredAt, @Nullable String providerTaskId,
            List<String> outputs) implements TaskEvent {
        public Completed {
            occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
            outputs = List.copyOf(outputs);
        }
    }

    /** The task failed: at the provider, or because the provider missed its deadline. */
    record Failed(String taskId, String provider, Instant occurredAt, @Nullable String providerTaskId, String errorCode,
            String errorMessage) implements TaskEvent {
        public Failed {
            occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        }
    }

}
