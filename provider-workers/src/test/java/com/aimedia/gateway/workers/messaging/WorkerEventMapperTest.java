package com.aimedia.gateway.workers.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.schemas.v1.PollRequested;
import com.aimedia.gateway.schemas.v1.ReportedOutcome;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;
import com.aimedia.gateway.workers.polling.PollTask;
import com.aimedia.gateway.workers.reporting.StatusReport;
import com.aimedia.gateway.workers.submission.SubmitTask;

class WorkerEventMapperTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

    @Test
    void should_carry_every_field_the_submission_needs_when_mapping_task_submitted() {
        // given
        TaskSubmitted event = TaskSubmitted.newBuilder()
            .setEventId("e-1")
            .setTaskId("task_1")
            .setOccurredAt(NOW)
            .setTenantId("tenant")
            .setModel("kling-v2")
            .setProvider("kling")
            .setProviderModel("kling-v2-master")
            .setInput("{\"prompt\":\"a fox\"}")
            .setCallbackUrl(null)
            .setCreatedAt(NOW.minusSeconds(3))
            .build();

        // when
        SubmitTask command = WorkerEventMapper.toCommand(event);

        // then
        assertThat(command).isEqualTo(new SubmitTask("task_1", "kling", "tenant", "kling-v2", "kling-v2-master",
                "{\"prompt\":\"a fox\"}", NOW.minusSeconds(3)));
    }

    @Test
    void should_keep_the_provider_ref_and_attempt_when_mapping_poll_requested() {
        PollRequested event = PollRequested.newBuilder()
            .setEventId("e-2")
            .setTaskId("task_1")
            .setOccurredAt(NOW)
            .setProvider("kling")
            .setProviderTaskId("p-1")
            .setProviderRef(null)
            .setAttempt(3)
            .build();

        assertThat(WorkerEventMapper.toCommand(event)).isEqualTo(new PollTask("task_1", "kling", "p-1", null, 3));
    }

    @Test
    void should_publish_each_report_with_a_fresh_event_id_and_all_its_fields() {
        // given
        StatusReport completed = StatusReport.completed("task_1", "kling", "p-1", "text2video",
                List.of("https://outputs/1.mp4"));

        // when
        TaskStatusReported first = WorkerEventMapper.toEvent(completed, NOW);
        TaskStatusReported second = WorkerEventMapper.toEvent(completed, NOW);

        // then
        assertThat(first.getEventId()).isNotEqualTo(second.getEventId());
        assertThat(first.getOccurredAt()).isEqualTo(NOW);
        assertThat(first.getOutcome()).isEqualTo(ReportedOutcome.COMPLETED);
        assertThat(first.getProviderTaskId()).isEqualTo("p-1");
        assertThat(first.getProviderRef()).isEqualTo("text2video");
        assertThat(first.getOutputs()).containsExactly("https://outputs/1.mp4");
        assertThat(first.getErrorCode()).isNull();
    }

    @Test
    void should_map_a_failure_with_its_code_and_message() {
        TaskStatusReported failed = WorkerEventMapper
            .toEvent(StatusReport.failed("task_1", "kling", null, "content_policy", "refused"), NOW);

        assertThat(failed.getOutcome()).isEqualTo(ReportedOutcome.FAILED);
        assertThat(failed.getErrorCode()).isEqualTo("content_policy");
        assertThat(failed.getErrorMessage()).isEqualTo("refused");
        assertThat(failed.getOutputs()).isEmpty();
    }

}
