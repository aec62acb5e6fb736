package com.aimedia.gateway.workers.submission;

/**
 * Say again what became of a task's submission (from {@code SubmissionCheckRequested}).
 */
public record CheckSubmission(String taskId, String provider) {
}
