package com.aimedia.gateway.orchestrator.task.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.orchestrator.task.TaskEvent;
import com.aimedia.gateway.platform.kafka.PermanentFailure;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.ReportedOutcome;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;

class TaskEventMapperTest {

    private static final Instant NOW = Instant.parse("2025-11-26T10:00:00.123456Z");

    @Test
    void should_match_provider_topics_but_not_dead_letter_topics_when_subscribing_by_pattern() {
        Pattern pattern = Pattern.compile(TaskEventListener.SUBMITTED_PATTERN);
        assertThat(TaskEventListener.SUBMITTED_PATTERN).isEqualTo(Topics.ALL_SUBMITTED.pattern());
        assertThat(pattern.matcher("tasks.submitted.kling").matches()).isTrue();
        assertThat(pattern.matcher("tasks.submitted.minimax-video").matches()).isTrue();
        assertThat(pattern.matcher("tasks.submitted.kling.DLT").matches()).isFalse();
        assertThat(pattern.matcher("tasks.status").matches()).isFalse();
    }

    @Test
    void should_refuse_permanently_naming_the_field_when_the_tenant_is_blank() {
        TaskSubmitted event = submitted(" ");
        assertThatThrownBy(() -> TaskEventMapper.toEvent(event)).isInstanceOf(PermanentFailure.class)
            .hasMessage("TaskSubmitted.tenantId is missing or blank");
    }

    @Test
    void should_cut_times_to_milliseconds_when_mapping_a_submission() {
        TaskEvent.Submitted event = TaskEventMapper.toEvent(submitted("tenant-1"));
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-11-26T10:00:00.123Z"));
        assertThat(event.submission().callbackUrl()).isNull();
    }

    @Test
    void should_default_the_error_when_a_failure_report_has_none() {
        TaskStatusReported report = report(ReportedOutcome.FAILED, null);
        assertThat(TaskEventMapper.toEvent(report)).isEqualTo(new TaskEvent.Failed("task_1", "kling", NOW, null,
                "provider_error", "The provider could not complete the task."));
    }

    @Test
    void should_refuse_permanently_when_an_acceptance_has_no_provider_task_id() {
        TaskStatusReported report = report(ReportedOutcome.ACCEPTED, null);
        assertThatThrownBy(() -> TaskEventMapper.toEvent(report)).isInstanceOf(PermanentFailure.class)
            .hasMessageContaining("providerTaskId");
    }

    private static TaskSubmitted submitted(String tenant) {
        return TaskSubmitted.newBuilder()
            .setEventId("e1")
            .setTaskId("task_1")
            .setOccurredAt(NOW)
            .setTenantId(tenant)
            .setModel("kling-v2")
            .setProvider("kling")
            .setProviderModel("kling-v2-master")
            .setInput("{}")
            .setCallbackUrl("")
            .setCreatedAt(NOW)
            .build();
    }

    private static TaskStatusReported report(ReportedOutcome outcome, String providerTaskId) {
        return TaskStatusReported.newBuilder()
            .setEventId("e2")
            .setTaskId("task_1")
            .setOccurredAt(NOW)
            .setProvider("kling")
            .setOutcome(outcome)
            .setProviderTaskId(providerTaskId)
            .setOutputs(List.of())
            .build();
    }

}
