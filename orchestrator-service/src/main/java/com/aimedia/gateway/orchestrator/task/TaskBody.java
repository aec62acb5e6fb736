package com.aimedia.gateway.orchestrator.task;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Renders the public task body: compact JSON, fields in the fixed order of the contract,
 * absent fields omitted (never null). The API serves this string verbatim and webhooks
 * send it byte for byte, so it is written by hand. It carries nothing the API could not
 * render itself for a task it has not seen stored yet (read-your-writes): the queued body
 * of version 1 depends only on the task id and the submitted metadata (which api-service
 * keeps in {@code task_metadata} until the task is stored).
 */
public final class TaskBody {

    private TaskBody() {
    }

    public static String render(TaskState state) {
        Submission submission = state.submission();
        Instant updatedAt = state.updatedAt();
        if (submission == null || updatedAt == null) {
            throw new IllegalStateException("task " + state.taskId() + " has no submission: no public body");
        }
        StringBuilder json = new StringBuilder(160);
        json.append('{');
        string(json, "id", state.taskId()).append(',');
        string(json, "status", state.status().wireName()).append(',');
        number(json, "created_at", seconds(submission.createdAt()));
        Instant completedAt = state.completedAt();
        if (completedAt != null) {
            number(json.append(','), "completed_at", seconds(completedAt));
        }
        if (state.status() == TaskStatus.COMPLETED) {
            json.append(",\"outputs\":[");
            for (int i = 0; i < state.outputs().size(); i++) {
                quoted(json.append(i == 0 ? "" : ","), state.outputs().get(i));
            }
            json.append(']');
        }
        if (state.status() == TaskStatus.FAILED) {
            string(json.append(','), "error", nonNull(state.error()));
            // additive: a stable code and whether the same request may succeed if
            // submitted again
            String errorCode = state.errorCode() == null ? "provider_error" : state.errorCode();
            string(json.append(','), "error_code", errorCode);
            json.append(",\"retryable\":").append(FailureCodes.isRetryable(errorCode));
        }
        Integer progress = state.visibleProgress();
        if (progress != null) {
            number(json.append(','), "progress", progress);
        }
        if (!submission.metadata().isEmpty()) {
            // sorted by key (Submission keeps it sorted), as api-service renders it for a
            // task not stored yet
            json.append(",\"metadata\":{");
            boolean first = true;
            for (var entry : submission.metadata().entrySet()) {
                string(json.append(first ? "" : ","), entry.getKey(), entry.getValue());
                first = false;
            }
            json.append('}');
        }
        number(json.append(','), "version", state.version()).append(',');
        number(json, "updated_at", seconds(updatedAt));
        return json.append('}').toString();
    }

    private static long seconds(Instant instant) {
        return instant.getEpochSecond();
    }

    private static String nonNull(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static StringBuilder number(StringBuilder json, String name, long value) {
        return quoted(json, name).append(':').append(value);
    }

    private static StringBuilder string(StringBuilder json, String name, String value) {
        return quoted(quoted(json, name).append(':'), value);
    }

    /**
     * Escapes like Jackson: quote, backslash and control characters; everything else
     * stays as it is.
     */
    static StringBuilder quoted(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04X", (int) c));
                    }
                    else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }

}
