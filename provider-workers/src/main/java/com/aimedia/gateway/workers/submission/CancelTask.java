package com.aimedia.gateway.workers.submission;

/**
 * The owner cancelled a task (from {@code TaskCancelRequested}): stop it at the provider,
 * or never send it.
 */
public record CancelTask(String taskId, String provider, String tenantId) {
}
