package com.aimedia.gateway.orchestrator.task;

import java.util.Comparator;
import java.util.List;

/**
 * A task as stored: its state, the revision every write compares and increments, and the
 * outbox of versions not yet published.
 *
 * @param revisionToken whether the document carries its revision as a token too
 * (documents written before the token existed do not, until their next write)
 */
record StoredTask(TaskState state, long revision, List<StatusChange> outbox, boolean revisionToken) {

    StoredTask {
        outbox = outbox.stream().sorted(Comparator.comparingLong(StatusChange::version)).toList();
    }
}
