package com.aimedia.gateway.orchestrator.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TaskBodyTest {

    private static final Instant CREATED = Instant.parse("2025-11-26T10:00:00.400Z");

    private static final Submission SUBMISSION = new Submission("tenant-1", "kling-v2", "kling", "kling-v2-master",
            null, CREATED);

    @Test
    void should_render_the_submit_body_when_queued() {
        assertThat(TaskBody.render(state(TaskStatus.QUEUED, null, List.of(), null))).isEqualTo(
                "{\"id\":\"task_abc\",\"status\":\"queued\",\"created_at\":1764151200,\"version\":1,\"updated_at\":1764151200}");
    }

    @Test
    void should_render_updated_at_from_the_event_when_in_progress() {
        assertThat(TaskBody
            .render(state(TaskStatus.IN_PROGRESS, Instant.parse("2025-11-26T10:00:12.999Z"), List.of(), null)))
            .isEqualTo(
                    "{\"id\":\"task_abc\",\"status\":\"in_progress\",\"created_at\":1764151200,\"version\":2,\"updated_at\":1764151212}");
    }

    @Test
    void should_render_completed_at_and_outputs_when_completed() {
        assertThat(TaskBody.render(state(TaskStatus.COMPLETED, Instant.parse("2025-11-26T10:01:40Z"),
                List.of("https://cdn.example.com/a.mp4", "https://cdn.example.com/b.png"), null)))
            .isEqualTo(
                    "{\"id\":\"task_abc\",\"status\":\"completed\",\"created_at\":1764151200,\"completed_at\":1764151300,"
                            + "\"outputs\":[\"https://cdn.example.com/a.mp4\",\"https://cdn.example.com/b.png\"],"
                            + "\"version\":1000,\"updated_at\":1764151300}");
    }

    @Test
    void should_render_an_empty_outputs_array_when_completed_without_results() {
        assertThat(TaskBody.render(state(TaskStatus.COMPLETED, Instant.parse("2025-11-26T10:01:40Z"), List.of(), null)))
            .contains("\"outputs\":[],");
    }

    @Test
    void should_render_completed_at_and_error_when_failed() {
        assertThat(TaskBody.render(state(TaskStatus.FAILED, Instant.parse("2025-11-26T10:30:00Z"), List.of(),
                "The provider did not finish the task within 30 minutes.")))
            .isEqualTo(
                    "{\"id\":\"task_abc\",\"status\":\"failed\",\"created_at\":1764151200,\"completed_at\":1764153000,"
                            + "\"error\":\"The provider did not finish the task within 30 minutes.\","
                            + "\"error_code\":\"provider_timeout\",\"retryable\":true,"
                            + "\"version\":1000,\"updated_at\":1764153000}");
    }

    @Test
    void should_mark_a_failure_not_retryable_when_its_code_is_permanent_or_unknown() {
        assertThat(FailureCodes.isRetryable("content_policy")).isFalse();
        assertThat(FailureCodes.isRetryable("cancelled")).isFalse();
        assertThat(FailureCodes.isRetryable("something_new")).isFalse();
        assertThat(FailureCodes.isRetryable("provider_error")).isTrue();
        TaskState refused = new TaskState("task_abc", "kling", SUBMISSION, TaskStatus.FAILED, CREATED, List.of(),
                "The provider rejected the prompt under its content policy.", "content_policy", null, null, null, null,
                null);
        assertThat(TaskBody.render(refused)).contains(",\"error_code\":\"content_policy\",\"retryable\":false,");
    }

    @Test
    void should_escape_quotes_backslashes_and_control_characters_when_rendering_strings() {
        assertThat(TaskBody.render(state(TaskStatus.FAILED, CREATED, List.of(), "bad \"prompt\"\\ line\nnext\u0001 é")))
            .contains("\"error\":\"bad \\\"prompt\\\"\\\\ line\\nnext\\u0001 é\"");
    }

    @Test
    void should_render_the_metadata_sorted_by_key_before_the_version_when_the_submission_has_metadata() {
        Submission withMetadata = new Submission("tenant-1", "kling-v2", "kling", "kling-v2-master", null, CREATED,
                java.util.Map.of("z", "last", "a", "first \"quoted\""), null, null, null);
        TaskState state = new TaskState("task_abc", "kling", withMetadata, TaskStatus.QUEUED, null, List.of(), null,
                null, null, null, null, null, null);

        assertThat(TaskBody.render(state))
            .isEqualTo("{\"id\":\"task_abc\",\"status\":\"queued\",\"created_at\":1764151200,"
                    + "\"metadata\":{\"a\":\"first \\\"quoted\\\"\",\"z\":\"last\"},\"version\":1,\"updated_at\":1764151200}");
    }

    @Test
    void should_refuse_to_render_when_the_submission_is_unknown() {
        TaskState orphan = TaskState.initial("task_abc", "kling");
        assertThatThrownBy(() -> TaskBody.render(orphan)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("task_abc");
    }

    private static TaskState state(TaskStatus status, @Nullable Instant changedAt, List<String> outputs,
            @Nullable String error) {
        return new TaskState("task_abc", "kling", SUBMISSION, status, changedAt, outputs, error,
                error == null ? null : "provider_timeout", null, null, null, null, null);
    }

}
