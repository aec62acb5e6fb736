package com.aimedia.gateway.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.orchestrator.task.OrchestratorTasks;
import com.aimedia.gateway.testsupport.InMemoryMongo;

/**
 * {@code tasks} as the orchestrator writes it, read by api-service's GET, cancel and
 * events endpoints.
 */
class TaskViewRepositoryContractTest {

    private final InMemoryMongo mongo = InMemoryMongo.start();

    private final OrchestratorTasks orchestrator = new OrchestratorTasks(mongo.database());

    private final TaskViewRepository reader = new TaskViewRepository(mongo.database());

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void reads_the_body_status_and_provider_of_the_tenants_task_only() {
        orchestrator.submit("task_1", "tenant-a", "kling-v2");
        orchestrator.complete("task_1", List.of("https://cdn.example.com/1.mp4"));

        assertThat(reader.findView("task_1", "tenant-a"))
            .hasValueSatisfying(view -> assertThat(view).contains("\"task_1\"")
                .contains("\"completed\"")
                .contains("https://cdn.example.com/1.mp4"));
        assertThat(reader.findStatus("task_1", "tenant-a")).hasValueSatisfying(status -> {
            assertThat(status.status()).isEqualTo("completed");
            assertThat(status.provider()).isEqualTo(OrchestratorTasks.PROVIDER);
            assertThat(status.isTerminal()).isTrue();
        });
        assertThat(reader.findView("task_1", "tenant-b")).isEmpty();
        assertThat(reader.findStatus("task_1", "tenant-b")).isEmpty();
    }

    @Test
    void reads_a_queued_task_as_not_terminal() {
        orchestrator.submit("task_2", "tenant-a", "kling-v2");

        assertThat(reader.findStatus("task_2", "tenant-a")).hasValueSatisfying(status -> {
            assertThat(status.status()).isEqualTo("queued");
            assertThat(status.isTerminal()).isFalse();
        });
    }

    @Test
    void reads_the_status_history_oldest_first_with_times_and_versions() {
        orchestrator.submit("task_3", "tenant-a", "kling-v2");
        orchestrator.complete("task_3", List.of("https://cdn.example.com/3.mp4"));

        List<TaskViewRepository.StatusEntry> history = reader.findHistory("task_3", "tenant-a").orElseThrow();

        assertThat(history).extracting(TaskViewRepository.StatusEntry::status).first().isEqualTo("queued");
        assertThat(history).extracting(TaskViewRepository.StatusEntry::status).last().isEqualTo("completed");
        assertThat(history).extracting(TaskViewRepository.StatusEntry::version).isSorted().doesNotHaveDuplicates();
        assertThat(history).extracting(TaskViewRepository.StatusEntry::at)
            .isSorted()
            .allSatisfy(at -> assertThat(at).isAfterOrEqualTo(OrchestratorTasks.CREATED));
        assertThat(reader.findHistory("task_3", "tenant-b")).isEmpty();
    }

}
