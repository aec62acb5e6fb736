package com.aimedia.gateway.orchestrator.task;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes the pending versions of one task in version order and removes each published one from the document.
 * Stops at the first failure so that versions never overtake each other; what is left is retried by the relay.
 * Publishing a version twice is allowed (consumers drop a task version they have seen).
 */
@Component
class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final TaskChangePublisher publisher;
    private final TaskStore store;

    Outbox(TaskChangePublisher publisher, TaskStore store) {
        this.publisher = publisher;
        this.store = store;
    }

    /** @return how many entries were published */
    int flush(StoredTask task) {
        List<String> published = new ArrayList<>();
        for (StatusChange change : task.outbox()) {
            try {
                publisher.publish(change);
                published.add(change.eventId());
            }
            catch (RuntimeException e) {
                log.warn("publish failed, left in outbox taskId={} version={} error={}", change.taskId(),
                        change.version(), e.getClass().getSimpleName());
                break;
            }
        }
        if (!published.isEmpty() || task.outbox().isEmpty()) {
            store.removeFromOutbox(task.state().taskId(), published);
        }
        return published.size();
    }
}
