package com.aimedia.gateway.workers.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.orchestrator.task.OrchestratorTasks;
import com.aimedia.gateway.testsupport.InMemoryMongo;

/**
 * {@code tasks} as the orchestrator writes it, read by the workers before they send a
 * task that waited long: an ended task is never sent.
 */
class EndedTasksContractTest {

    private final InMemoryMongo mongo = InMemoryMongo.start();

    private final OrchestratorTasks orchestrator = new OrchestratorTasks(mongo.database());

    private final SubmissionStore submissions = new SubmissionStore(mongo.database(), "workers-1",
            Duration.ofSeconds(10));

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void sees_completed_and_failed_tasks_as_ended_and_queued_running_and_unknown_ones_not() {
        for (String task : List.of("done", "refused", "running", "waiting")) {
            orchestrator.submit(task, "tenant-a", "kling-v2");
        }
        orchestrator.complete("done", List.of("https://cdn.example.com/done.mp4"));
        orchestrator.fail("refused", "provider_timeout", "The provider did not finish the task within 30 minutes.");
        orchestrator.progress("running", 40);

        assertThat(List.of("done", "refused", "running", "waiting", "never-stored"))
            .filteredOn(submissions::taskHasEnded)
            .containsExactly("done", "refused");
    }

}
