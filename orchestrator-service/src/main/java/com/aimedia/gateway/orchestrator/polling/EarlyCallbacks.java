package com.aimedia.gateway.orchestrator.polling;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tasks whose provider called back before this replica applied the provider's acceptance
 * (a job done within moments of its create): their poll is made due as soon as the
 * acceptance is applied, instead of at the first scheduled poll. A task's callback and
 * its reports share the status topic's partition (keyed by task id), so the replica that
 * remembers a callback is the one that applies the acceptance after it.
 * <p>
 * Memory only, and bounded: what a restart or a partition moving to another replica
 * loses, and the oldest entries beyond {@link #CAPACITY}, wait for the scheduled poll as
 * before.
 */
final class EarlyCallbacks {

    /** Far more than the tasks that can be between a callback and their acceptance. */
    static final int CAPACITY = 10_000;

    private final Map<String, Boolean> taskIds = new LinkedHashMap<>() {

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }

    };

    synchronized void remember(String taskId) {
        taskIds.put(taskId, Boolean.TRUE);
    }

    /**
     * @return whether the task's provider had called back early (then it is forgotten)
     */
    synchronized boolean forget(String taskId) {
        return taskIds.remove(taskId) != null;
    }

}
