package com.aimedia.gateway.orchestrator.task;

import static com.aimedia.gateway.orchestrator.task.TaskDocuments.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * The {@code tasks} collection. Every write is one conditional single-document operation: an insert (unique
 * {@code _id}) or an update filtered on the revision that was read, which also appends the versions to publish to
 * the in-document outbox.
 */
@Repository
public class TaskStore implements InitializingBean {

    public static final String COLLECTION = "tasks";
    private static final Logger log = LoggerFactory.getLogger(TaskStore.class);

    private final MongoCollection<Document> tasks;

    public TaskStore(MongoDatabase database) {
        this.tasks = database.getCollection(COLLECTION);
    }

    /** For features that query the same collection (the poll scheduler). */
    public MongoCollection<Document> collection() {
        return tasks;
    }

    @Override
    public void afterPropertiesSet() {
        // _id last: GET /v1/tasks pages newest first by (created_at, _id), ties included, from this index alone.
        tasks.createIndex(Indexes.ascending(TENANT_ID, CREATED_AT, ID));
        tasks.createIndex(Indexes.ascending(PROVIDER, PROVIDER_TASK_ID));
        tasks.createIndex(Indexes.ascending(OUTBOX_SINCE), new IndexOptions().sparse(true));
        try {
            tasks.createIndex(Indexes.ascending(NEXT_POLL_AT),
                    new IndexOptions().partialFilterExpression(Filters.exists(NEXT_POLL_AT)));
        }
        catch (MongoCommandException e) {
            log.warn("partial index refused, using a sparse one collection={} code={}", COLLECTION, e.getErrorCode());
            tasks.createIndex(Indexes.ascending(NEXT_POLL_AT), new IndexOptions().sparse(true));
        }
    }

    Optional<StoredTask> find(String taskId) {
        return Optional.ofNullable(tasks.find(Filters.eq(ID, taskId)).first()).map(TaskDocuments::toStoredTask);
    }

    /** Creates the task document; empty when another writer created it first. */
    Optional<StoredTask> insert(TaskState state, @Nullable StatusChange publication, Instant now) {
        Document document = new Document(ID, state.taskId()).append(REVISION, 1L);
        fields(state).forEach((name, value) -> {
            if (value != null) {
                document.append(name, value);
            }
        });
        document.append(POLL_ATTEMPTS, 0);
        document.append(OUTBOX, publication == null ? List.of() : List.of(toDocument(publication)));
        if (publication != null) {
            document.append(OUTBOX_SINCE, Date.from(now));
            document.append(STATUS_HISTORY, List.of(toHistoryEntry(publication)));
        }
        try {
            tasks.insertOne(document);
            return Optional.of(toStoredTask(document));
        }
        catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Writes the changed fields if the document still has the revision read; empty when another writer won. */
    Optional<StoredTask> update(StoredTask current, TaskState after, @Nullable StatusChange publication,
            Instant now) {
        List<Bson> updates = new ArrayList<>();
        Map<String, @Nullable Object> old = fields(current.state());
        fields(after).forEach((name, value) -> {
            if (!Objects.equals(old.get(name), value)) {
                updates.add(value == null ? Updates.unset(name) : Updates.set(name, value));
            }
        });
        updates.add(Updates.inc(REVISION, 1L));
        if (publication != null) {
            updates.add(Updates.push(OUTBOX, toDocument(publication)));
            updates.add(Updates.min(OUTBOX_SINCE, Date.from(now)));
            updates.add(Updates.push(STATUS_HISTORY, toHistoryEntry(publication)));
        }
        Document written = tasks.findOneAndUpdate(
                Filters.and(Filters.eq(ID, current.state().taskId()), Filters.eq(REVISION, current.revision())),
                Updates.combine(updates), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(written).map(TaskDocuments::toStoredTask);
    }

    /** Removes published entries; once the outbox is empty, the task leaves the relay's index. */
    void removeFromOutbox(String taskId, List<String> eventIds) {
        if (!eventIds.isEmpty()) {
            tasks.updateOne(Filters.eq(ID, taskId), Updates.pull(OUTBOX, Filters.in(EVENT_ID, eventIds)));
        }
        tasks.updateOne(Filters.and(Filters.eq(ID, taskId), Filters.eq(OUTBOX, List.of())), Updates.unset(OUTBOX_SINCE));
    }

    /** Tasks whose outbox has been pending since before the cut-off: their publisher probably crashed. */
    List<StoredTask> findStaleOutboxes(Instant pendingBefore, int limit) {
        return tasks.find(Filters.lte(OUTBOX_SINCE, Date.from(pendingBefore)))
            .limit(limit)
            .map(TaskDocuments::toStoredTask)
            .into(new ArrayList<>());
    }

    long countPendingOutboxes() {
        return tasks.countDocuments(Filters.exists(OUTBOX_SINCE));
    }
}
