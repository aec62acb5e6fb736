package com.aimedia.gateway.api.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.orchestrator.task.OrchestratorTasks;
import com.aimedia.gateway.testsupport.InMemoryMongo;

/**
 * {@code tasks} as the orchestrator writes it, read by the OpenAI-compatible
 * {@code /v1/videos} alias.
 */
class VideoRepositoryContractTest {

    private final InMemoryMongo mongo = InMemoryMongo.start();

    private final OrchestratorTasks orchestrator = new OrchestratorTasks(mongo.database());

    private final VideoRepository reader = new VideoRepository(mongo.database());

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void reads_a_completed_task_with_its_outputs_and_times() {
        orchestrator.submit("task_v", "tenant-a", "kling-v2");
        orchestrator.complete("task_v", List.of("https://cdn.example.com/v.mp4"));

        VideoRecord video = reader.find("task_v", "tenant-a").orElseThrow();

        assertThat(video.taskId()).isEqualTo("task_v");
        assertThat(video.model()).isEqualTo("kling-v2");
        assertThat(video.status()).isEqualTo("completed");
        assertThat(video.createdAt()).isEqualTo(OrchestratorTasks.CREATED);
        assertThat(video.completedAt()).isEqualTo(OrchestratorTasks.CREATED.plusSeconds(60));
        assertThat(video.outputs()).containsExactly("https://cdn.example.com/v.mp4");
        assertThat(reader.find("task_v", "tenant-b")).isEmpty();
    }

    @Test
    void reads_the_progress_the_provider_reported_while_the_task_runs() {
        orchestrator.submit("task_p", "tenant-a", "kling-v2");
        orchestrator.progress("task_p", 40);
        orchestrator.submit("task_q", "tenant-a", "kling-v2");

        assertThat(reader.find("task_p", "tenant-a").orElseThrow().progress()).isEqualTo(40);
        assertThat(reader.find("task_q", "tenant-a").orElseThrow().progress()).isNull();
    }

    @Test
    void reads_a_failed_task_with_its_error_and_code() {
        orchestrator.submit("task_f", "tenant-a", "kling-v2");
        orchestrator.fail("task_f", "content_policy", "the prompt was refused");

        VideoRecord video = reader.find("task_f", "tenant-a").orElseThrow();

        assertThat(video.status()).isEqualTo("failed");
        assertThat(video.errorCode()).isEqualTo("content_policy");
        assertThat(video.error()).contains("the prompt was refused");
        assertThat(reader.page("tenant-a", List.of("kling-v2"), null, false, 10)).extracting(VideoRecord::taskId)
            .containsExactly("task_f");
    }

}
