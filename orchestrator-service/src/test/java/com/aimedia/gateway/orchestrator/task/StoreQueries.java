package com.aimedia.gateway.orchestrator.task;

import java.time.Instant;

/**
 * The outbox relay's queries of {@link TaskStore}, for tests in other packages that look
 * at how MongoDB answers them.
 */
public final class StoreQueries {

    private StoreQueries() {
    }

    public static void relayQueries(TaskStore store, Instant pendingBefore, int limit) {
        store.findStaleOutboxes(pendingBefore, limit);
        store.countPendingOutboxes();
    }

}
