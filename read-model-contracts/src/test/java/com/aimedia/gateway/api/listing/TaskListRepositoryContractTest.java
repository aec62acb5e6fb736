package com.aimedia.gateway.api.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.orchestrator.task.OrchestratorTasks;
import com.aimedia.gateway.testsupport.InMemoryMongo;

/**
 * {@code tasks} as the orchestrator writes it, read by {@code GET /v1/tasks} and its
 * filters.
 */
class TaskListRepositoryContractTest {

    private final InMemoryMongo mongo = InMemoryMongo.start();

    private final OrchestratorTasks orchestrator = new OrchestratorTasks(mongo.database());

    private final TaskListRepository reader = new TaskListRepository(mongo.database());

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void lists_the_tenants_tasks_with_their_bodies_and_filters_by_status_model_and_time() {
        orchestrator.submit("task_a", "tenant-a", "kling-v2");
        orchestrator.complete("task_a", List.of("https://cdn.example.com/a.mp4"));
        orchestrator.submit("task_b", "tenant-a", "kling-v2.1");
        orchestrator.submit("task_c", "tenant-b", "kling-v2");

        assertThat(reader.find(query(Set.of(), null))).extracting(TaskListRepository.Row::taskId)
            .containsExactlyInAnyOrder("task_a", "task_b");
        assertThat(reader.find(query(Set.of(), null))).allSatisfy(row -> {
            assertThat(row.createdAt()).isEqualTo(OrchestratorTasks.CREATED);
            assertThat(row.view()).contains(row.taskId());
        });
        assertThat(reader.find(query(Set.of("completed"), null))).extracting(TaskListRepository.Row::taskId)
            .containsExactly("task_a");
        assertThat(reader.find(query(Set.of(), "kling-v2.1"))).extracting(TaskListRepository.Row::taskId)
            .containsExactly("task_b");
        assertThat(reader.find(new TaskListQuery("tenant-a", Set.of(), null, OrchestratorTasks.CREATED.plusSeconds(1),
                null, null, 10)))
            .isEmpty();
    }

    private static TaskListQuery query(Set<String> statuses, String model) {
        return new TaskListQuery("tenant-a", statuses, model, null, null, null, 10);
    }

}
