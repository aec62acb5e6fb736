package com.aimedia.gateway.orchestrator.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes the pending versions of tasks in version order and removes each published one
 * from the document. Stops at a task's first failure so that its versions never overtake
 * each other; what is left is retried by the relay. Publishing a version twice is allowed
 * (consumers drop a task version they have seen).
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

    /**
     * @return how many entries were published
     */
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
            store.removeFromOutboxes(List.of(removal(task, published)));
        }
        return published.size();
    }

    /**
     * Flushes many tasks at once, in rounds: round n publishes the n-th pending version
     * of every task whose earlier versions are all published, with one wait for all
     * acknowledgements, so a task's versions stay in order. Then one bulk request removes
     * what was published.
     * @return how many entries were published
     */
    int flushAll(List<StoredTask> tasks) {
        Map<StoredTask, List<String>> published = new LinkedHashMap<>();
        List<StoredTask> open = tasks.stream().filter(task -> !task.outbox().isEmpty()).toList();
        int count = 0;
        for (int round = 0; !open.isEmpty(); round++) {
            int index = round;
            List<StatusChange> changes = open.stream().map(task -> task.outbox().get(index)).toList();
            List<Boolean> acknowledged = publisher.publishAll(changes);
            List<StoredTask> next = new ArrayList<>();
            for (int i = 0; i < open.size(); i++) {
                StatusChange change = changes.get(i);
                if (!acknowledged.get(i)) {
                    log.warn("publish failed, left in outbox taskId={} version={}", change.taskId(), change.version());
                    continue;
                }
                count++;
                published.computeIfAbsent(open.get(i), task -> new ArrayList<>()).add(change.eventId());
                if (open.get(i).outbox().size() > index + 1) {
                    next.add(open.get(i));
                }
            }
            open = next;
        }
        store.removeFromOutboxes(
                published.entrySet().stream().map(entry -> removal(entry.getKey(), entry.getValue())).toList());
        return count;
    }

    private static TaskStore.OutboxRemoval removal(StoredTask task, List<String> published) {
        return new TaskStore.OutboxRemoval(task.state().taskId(), task.revision(), task.revisionToken(), published,
                published.size() == task.outbox().size());
    }

}
