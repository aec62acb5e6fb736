package com.aimedia.gateway.example.taskevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.schemas.v1.TaskStatus;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;

class TaskStatusBoardTest {

    private final TaskStatusBoard board = new TaskStatusBoard();

    @Test
    void should_ignore_a_version_already_applied_or_older_when_applying() {
        assertThat(board.apply(changed(2, TaskStatus.IN_PROGRESS))).isTrue();

        assertThat(board.apply(changed(2, TaskStatus.IN_PROGRESS))).isFalse();
        assertThat(board.apply(changed(1, TaskStatus.QUEUED))).isFalse();
        assertThat(board.latest("t").orElseThrow().getStatus()).isEqualTo(TaskStatus.IN_PROGRESS);
    }

    @Test
    void should_count_a_task_as_finished_once_when_its_terminal_change_repeats() {
        board.apply(changed(3, TaskStatus.FAILED));
        board.apply(changed(3, TaskStatus.FAILED));

        assertThat(board.finished()).isEqualTo(1);
    }

    private static TaskStatusChanged changed(long version, TaskStatus status) {
        Instant at = Instant.parse("2026-12-06T01:00:00Z");
        return TaskStatusChanged.newBuilder()
            .setEventId("e" + version)
            .setTaskId("t")
            .setOccurredAt(at)
            .setTenantId("tenant")
            .setModel("kling-v2")
            .setProvider("kling")
            .setVersion(version)
            .setStatus(status)
            .setCreatedAt(at)
            .setUpdatedAt(at)
            .setBody("{}")
            .build();
    }

}
