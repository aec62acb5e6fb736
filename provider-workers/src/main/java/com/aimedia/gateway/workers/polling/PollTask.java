package com.aimedia.gateway.workers.polling;

import org.jspecify.annotations.Nullable;

/**
 * Poll one provider task (from {@code PollRequested}).
 *
 * @param providerRef opaque adapter-owned context the adapter needs to poll
 * @param attempt 1 for the first poll
 */
public record PollTask(String taskId, String provider, String providerTaskId, @Nullable String providerRef,
        int attempt) {
}
