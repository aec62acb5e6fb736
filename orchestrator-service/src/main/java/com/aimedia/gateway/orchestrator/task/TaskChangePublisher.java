package com.aimedia.gateway.orchestrator.task;

import java.util.ArrayList;
import java.util.List;

/**
 * Publishes versions of tasks' public views on {@code tasks.changed}; returns once they
 * are durable.
 */
public interface TaskChangePublisher {

    /**
     * @throws RuntimeException when the event could not be published; the entry then
     * stays in the outbox
     */
    void publish(StatusChange change);

    /**
     * Publishes several versions at once; an implementation may overlap them, but keeps
     * the order of versions of the same task.
     * @return for each change, in order, whether it is durable
     */
    default List<Boolean> publishAll(List<StatusChange> changes) {
        List<Boolean> published = new ArrayList<>(changes.size());
        for (StatusChange change : changes) {
            try {
                publish(change);
                published.add(true);
            }
            catch (RuntimeException e) {
                published.add(false);
            }
        }
        return published;
    }

}
