package com.aimedia.gateway.orchestrator.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TaskStagesTest {

    private static final Instant CREATED = Instant.parse("2026-12-06T01:00:00Z");

    private static final Instant ACCEPTED = CREATED.plusSeconds(2);

    private static final Instant FINISHED = ACCEPTED.plusSeconds(60);

    private static final Instant STORED = FINISHED.plusMillis(300);

    @Test
    void should_end_the_queued_stage_when_the_provider_accepts_the_task() {
        List<TaskStages.Measured> ended = TaskStages.endedBy(state(TaskStatus.QUEUED, null, null),
                state(TaskStatus.QUEUED, ACCEPTED, null), ACCEPTED.plusMillis(5));

        assertThat(ended).containsExactly(new TaskStages.Measured("queued", Duration.ofSeconds(2)));
    }

    @Test
    void should_end_the_provider_and_stored_stages_when_the_final_state_is_stored() {
        List<TaskStages.Measured> ended = TaskStages.endedBy(state(TaskStatus.IN_PROGRESS, ACCEPTED, null),
                state(TaskStatus.COMPLETED, ACCEPTED, FINISHED), STORED);

        assertThat(ended).containsExactly(new TaskStages.Measured("provider", Duration.ofSeconds(60)),
                new TaskStages.Measured("stored", Duration.ofMillis(300)));
    }

    @Test
    void should_measure_nothing_again_when_a_later_write_changes_a_finished_task() {
        TaskState completed = state(TaskStatus.COMPLETED, ACCEPTED, FINISHED);

        assertThat(TaskStages.endedBy(completed, completed, STORED.plusSeconds(1))).isEmpty();
    }

    @Test
    void should_measure_only_the_stored_stage_when_a_task_fails_before_the_provider_accepted_it() {
        List<TaskStages.Measured> ended = TaskStages.endedBy(state(TaskStatus.QUEUED, null, null),
                state(TaskStatus.FAILED, null, FINISHED), STORED);

        assertThat(ended).containsExactly(new TaskStages.Measured("stored", Duration.ofMillis(300)));
    }

    private static TaskState state(TaskStatus status, @Nullable Instant pollingSince, @Nullable Instant changedAt) {
        Submission submission = new Submission("tenant", "kling-v2", "kling", "kling-v2-master", null, CREATED);
        return new TaskState("task-1", "kling", submission, status, changedAt, List.of(), null, null,
                pollingSince == null ? null : "pt-1", null, pollingSince, null, null);
    }

}
