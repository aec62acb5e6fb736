package com.aimedia.gateway.callback.delivery.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.callback.delivery.NewDelivery;
import com.aimedia.gateway.schemas.v1.TaskStatus;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;

class TaskStatusChangedMapperTest {

    @Test
    void should_map_tenant_task_version_url_and_exact_body_when_a_callback_url_is_set() {
        TaskStatusChanged event = event("https://hooks.example/a");

        NewDelivery delivery = TaskStatusChangedMapper.toDelivery(event).orElseThrow();

        assertThat(delivery.tenantId()).isEqualTo("tenant-a");
        assertThat(delivery.taskId()).isEqualTo("task_1");
        assertThat(delivery.version()).isEqualTo(3);
        assertThat(delivery.url()).isEqualTo("https://hooks.example/a");
        assertThat(delivery.body()).isEqualTo(event.getBody());
        assertThat(TaskStatusChangedMapper.decode(delivery.event())).isEqualTo(event);
    }

    @Test
    void should_make_no_delivery_when_the_task_has_no_callback_url() {
        assertThat(TaskStatusChangedMapper.toDelivery(event(null))).isEmpty();
        assertThat(TaskStatusChangedMapper.toDelivery(event("  "))).isEmpty();
    }

    @Test
    void should_send_every_status_change_and_no_progress_update_when_the_task_has_no_webhook_filter() {
        assertThat(TaskStatusChangedMapper.toDelivery(event("https://hooks.example/a"))).isPresent();
        assertThat(TaskStatusChangedMapper.toDelivery(progressOnly(event("https://hooks.example/a")))).isEmpty();
    }

    @Test
    void should_send_only_the_listed_statuses_when_the_task_has_a_webhook_filter() {
        TaskStatusChanged inProgress = filtered(event("https://hooks.example/a"), List.of("completed", "failed"));
        TaskStatusChanged completed = TaskStatusChanged.newBuilder(inProgress).setStatus(TaskStatus.COMPLETED).build();

        assertThat(TaskStatusChangedMapper.toDelivery(inProgress)).isEmpty();
        assertThat(TaskStatusChangedMapper.toDelivery(completed)).isPresent();
        assertThat(TaskStatusChangedMapper.toDelivery(progressOnly(completed))).isEmpty();
    }

    @Test
    void should_send_progress_updates_only_when_the_filter_asks_for_progress() {
        TaskStatusChanged progress = progressOnly(filtered(event("https://hooks.example/a"), List.of("progress")));

        assertThat(TaskStatusChangedMapper.toDelivery(progress)).isPresent();
        assertThat(TaskStatusChangedMapper
            .toDelivery(TaskStatusChanged.newBuilder(progress).setStatusChanged(true).build()))
            .as("a status change the filter does not list")
            .isEmpty();
    }

    private static TaskStatusChanged filtered(TaskStatusChanged event, List<String> webhookEvents) {
        return TaskStatusChanged.newBuilder(event).setWebhookEvents(webhookEvents).build();
    }

    private static TaskStatusChanged progressOnly(TaskStatusChanged event) {
        return TaskStatusChanged.newBuilder(event).setStatusChanged(false).setProgress(40).build();
    }

    private static TaskStatusChanged event(String callbackUrl) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return TaskStatusChanged.newBuilder()
            .setEventId("e1")
            .setTaskId("task_1")
            .setOccurredAt(at)
            .setTenantId("tenant-a")
            .setModel("kling-v2")
            .setProvider("kling")
            .setVersion(3)
            .setStatus(TaskStatus.IN_PROGRESS)
            .setCreatedAt(at)
            .setUpdatedAt(at)
            .setCallbackUrl(callbackUrl)
            .setBody("{\"id\":\"task_1\",\"status\":\"in_progress\",\"created_at\":1767225600,\"version\":3}")
            .build();
    }

}
