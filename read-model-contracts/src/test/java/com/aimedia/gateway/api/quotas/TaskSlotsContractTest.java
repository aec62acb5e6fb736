package com.aimedia.gateway.api.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.orchestrator.task.OrchestratorTasks;
import com.aimedia.gateway.testsupport.InMemoryMongo;

/**
 * {@code tasks} as the orchestrator writes it, read by the in-flight quota to free the
 * slots of ended tasks.
 */
class TaskSlotsContractTest {

    private final InMemoryMongo mongo = InMemoryMongo.start();

    private final OrchestratorTasks orchestrator = new OrchestratorTasks(mongo.database());

    private final TaskSlots slots = new TaskSlots(mongo.database());

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void frees_the_slots_of_completed_and_failed_tasks_only() {
        for (String task : List.of("done", "refused", "running")) {
            orchestrator.submit(task, "tenant-a", "kling-v2");
            slots.insert(task, "tenant-a", "key-1", OrchestratorTasks.CREATED);
        }
        orchestrator.complete("done", List.of("https://cdn.example.com/done.mp4"));
        orchestrator.fail("refused", "content_policy", "refused");

        assertThat(slots.releaseFinished("tenant-a")).isEqualTo(Map.of("key-1", 2L));
        assertThat(slots.heldByKey("tenant-a")).isEqualTo(Map.of("key-1", 1L));
    }

}
