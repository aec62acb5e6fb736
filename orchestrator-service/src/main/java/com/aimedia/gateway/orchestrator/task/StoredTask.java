package com.aimedia.gateway.orchestrator.task;

import java.util.Comparator;
import java.util.List;

/**
 * A task as stored: its state, the revision every write compares and increments, and the outbox of versions not
 * yet published.
 */
record StoredTask(TaskState state, long revision, List<StatusChange> outbox) {

    StoredTask {
        outbox = outbox.stream().sorted(Comparator.comparingLong(StatusChange::version)).toList();
    }
}
