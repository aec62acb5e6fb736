package com.aimedia.gateway.api.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class VideoJsonTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void should_report_the_providers_progress_while_the_task_runs() {
        assertThat(VideoJson.of(video("in_progress", 40))).containsEntry("progress", 40);
    }

    @Test
    void should_report_zero_while_running_when_the_provider_reports_no_progress() {
        assertThat(VideoJson.of(video("in_progress", null))).containsEntry("progress", 0);
        assertThat(VideoJson.of(video("queued", null))).containsEntry("progress", 0);
    }

    @Test
    void should_report_one_hundred_once_the_task_ended_whatever_was_reported_before() {
        assertThat(VideoJson.of(video("completed", 70))).containsEntry("progress", 100);
        assertThat(VideoJson.of(video("failed", 10))).containsEntry("progress", 100);
    }

    private static VideoRecord video(String status, @Nullable Integer progress) {
        boolean ended = status.equals("completed") || status.equals("failed");
        return new VideoRecord("task_v", "kling-v2", status, CREATED, ended ? CREATED.plusSeconds(60) : null, List.of(),
                null, null, progress);
    }

}
