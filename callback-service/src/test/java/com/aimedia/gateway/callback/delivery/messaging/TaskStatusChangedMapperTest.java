package com.aimedia.gateway.callback.delivery.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

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
