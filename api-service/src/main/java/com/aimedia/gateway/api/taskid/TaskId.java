package com.aimedia.gateway.api.taskid;

import java.time.Instant;

/**
 * A task id that verified for a tenant.
 *
 * @param value the public id, {@code task_...}
 * @param createdAt the creation time carried in the id (millisecond precision)
 */
public record TaskId(String value, Instant createdAt) {

    /** {@code created_at} of the public task body: unix seconds. */
    public long createdAtSeconds() {
        return createdAt.getEpochSecond();
    }
}
