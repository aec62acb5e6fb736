package com.aimedia.gateway.orchestrator.task;

import static com.aimedia.gateway.orchestrator.task.TaskDocuments.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;

import com.aimedia.gateway.platform.readmodel.TaskReadModel;
import com.aimedia.gateway.platform.retention.TaskRecordRetention;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * The {@code tasks} collection. Every write of a task is one conditional single-document
 * operation: an insert (unique {@code _id}) or an update filtered on the revision that
 * was read, which also appends the versions to publish to the in-document outbox. A batch
 * sends many such operations in one bulk request: each still applies to its document
 * atomically, so a crash in the middle leaves every task either written with its outbox
 * or not.
 */
@Repository
public class TaskStore implements InitializingBean {

    public static final String COLLECTION = TaskReadModel.COLLECTION;

    private static final Logger log = LoggerFactory.getLogger(TaskStore.class);

    private final MongoCollection<Document> tasks;

    private final TaskRecordRetention retention;

    public TaskStore(MongoDatabase database) {
        this(database, TaskRecordRetention.keepForever());
    }

    @Autowired
    public TaskStore(MongoDatabase database, TaskRecordRetention retention) {
        this.tasks = database.getCollection(COLLECTION);
        this.retention = retention;
    }

    /** For features that query the same collection (the poll scheduler). */
    public MongoCollection<Document> collection() {
        return tasks;
    }

    @Override
    public void afterPropertiesSet() {
        tasks.createIndex(Indexes.ascending(REVISION_TOKEN), new IndexOptions().unique(true).sparse(true));
        tasks.createIndex(Indexes.ascending(POLL_TOKEN), new IndexOptions().unique(true).sparse(true));
        // _id last: GET /v1/tasks pages newest first by (created_at, _id), ties included,
        // from this index alone.
        tasks.createIndex(Indexes.ascending(TENANT_ID, CREATED_AT, ID));
        tasks.createIndex(Indexes.ascending(PROVIDER, PROVIDER_TASK_ID));
        tasks.createIndex(Indexes.ascending(OUTBOX_SINCE), new IndexOptions().sparse(true));
        tasks.createIndex(Indexes.ascending(RECORD_EXPIRES_AT), new IndexOptions().sparse(true));
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

    /**
     * Reads the documents of these tasks in one query; a task without a document is
     * absent from the map.
     */
    Map<String, StoredTask> findAll(Collection<String> taskIds) {
        Map<String, StoredTask> found = new HashMap<>();
        for (Document document : tasks.find(Filters.in(ID, taskIds))) {
            StoredTask task = toStoredTask(document);
            found.put(task.state().taskId(), task);
        }
        return found;
    }

    /** Creates the task document; empty when another writer created it first. */
    Optional<StoredTask> insert(TaskState state, @Nullable StatusChange publication, Instant now) {
        Document document = newDocument(state, publication == null ? List.of() : List.of(publication), now,
                recordExpiresAt(null, state));
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

    /**
     * Writes the changed fields if the document still has the revision read; empty when
     * another writer won.
     */
    Optional<StoredTask> update(StoredTask current, TaskState after, @Nullable StatusChange publication, Instant now) {
        Document written = tasks.findOneAndUpdate(revisionFilter(current),
                changes(current, after, publication == null ? List.of() : List.of(publication), now,
                        recordExpiresAt(current.state(), after)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(written).map(TaskDocuments::toStoredTask);
    }

    /**
     * Applies a batch of writes in one unordered bulk request, each as conditional as its
     * single-document counterpart (an insert on the unique {@code _id}, an update
     * filtered on the revision read).
     * @return the tasks whose write may not have applied because another writer got there
     * first: those with a duplicate insert, and, when fewer updates matched than were
     * sent, every updated task (a bulk result does not say which update missed)
     */
    Set<String> writeAll(List<TaskWrite> writes, Instant now) {
        if (writes.isEmpty()) {
            return Set.of();
        }
        List<WriteModel<Document>> models = new ArrayList<>(writes.size());
        for (TaskWrite write : writes) {
            StoredTask current = write.current();
            models.add(current == null
                    ? new InsertOneModel<>(
                            newDocument(write.after(), write.publications(), now, recordExpiresAt(null, write.after())))
                    : new UpdateOneModel<>(revisionFilter(current), changes(current, write.after(),
                            write.publications(), now, recordExpiresAt(current.state(), write.after()))));
        }
        Set<String> uncertain = new HashSet<>();
        BulkWriteResult result;
        try {
            result = tasks.bulkWrite(models, new BulkWriteOptions().ordered(false));
        }
        catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                uncertain.add(writes.get(error.getIndex()).taskId());
            }
            result = e.getWriteResult();
        }
        List<String> updated = writes.stream().filter(write -> write.current() != null).map(TaskWrite::taskId).toList();
        if (result.getMatchedCount() < updated.size()) {
            uncertain.addAll(updated);
        }
        return uncertain;
    }

    /**
     * When the record of a task that this write ends is deleted: set once, by the write
     * that makes a task with a known submission terminal (the tenant's period at that
     * moment holds, as the retention in an output's key does).
     */
    private @Nullable Date recordExpiresAt(@Nullable TaskState before, TaskState after) {
        Submission submission = after.submission();
        if (submission == null || !after.status().isTerminal()
                || (before != null && before.status().isTerminal() && before.submission() != null)) {
            return null;
        }
        return retention.expiresAt(submission.tenantId(), submission.createdAt()).map(Date::from).orElse(null);
    }

    private static Document newDocument(TaskState state, List<StatusChange> publications, Instant now,
            @Nullable Date recordExpiresAt) {
        Document document = new Document(ID, state.taskId()).append(REVISION, 1L)
            .append(REVISION_TOKEN, revisionToken(state.taskId(), 1L));
        fields(state).forEach((name, value) -> {
            if (value != null) {
                document.append(name, value);
            }
        });
        document.append(POLL_ATTEMPTS, 0);
        if (recordExpiresAt != null) {
            document.append(RECORD_EXPIRES_AT, recordExpiresAt);
        }
        document.append(OUTBOX, publications.stream().map(TaskDocuments::toDocument).toList());
        if (!publications.isEmpty()) {
            document.append(OUTBOX_SINCE, Date.from(now));
            // the history holds status changes only: a progress-only version is no new
            // status
            document.append(STATUS_HISTORY,
                    publications.stream()
                        .filter(StatusChange::statusChanged)
                        .map(TaskDocuments::toHistoryEntry)
                        .toList());
        }
        return document;
    }

    private static Bson revisionFilter(StoredTask current) {
        return revisionFilter(current.state().taskId(), current.revision(), current.revisionToken());
    }

    private static Bson revisionFilter(String taskId, long revision, boolean token) {
        return token ? Filters.eq(REVISION_TOKEN, revisionToken(taskId, revision))
                : Filters.and(Filters.eq(ID, taskId), Filters.eq(REVISION, revision));
    }

    /**
     * The fields that differ, the revision increment, and the versions appended to the
     * outbox.
     */
    private static Bson changes(StoredTask current, TaskState after, List<StatusChange> publications, Instant now,
            @Nullable Date recordExpiresAt) {
        List<Bson> updates = new ArrayList<>();
        if (recordExpiresAt != null) {
            updates.add(Updates.set(RECORD_EXPIRES_AT, recordExpiresAt));
        }
        Map<String, @Nullable Object> old = fields(current.state());
        fields(after).forEach((name, value) -> {
            if (!Objects.equals(old.get(name), value)) {
                updates.add(value == null ? Updates.unset(name) : Updates.set(name, value));
            }
        });
        if (current.state().pollingSince() == null && after.pollingSince() != null) {
            // polls back off from the acceptance: the submission checks before it had
            // their own schedule
            updates.add(Updates.set(POLL_ATTEMPTS, 0));
        }
        updates.add(Updates.inc(REVISION, 1L));
        updates.add(Updates.set(REVISION_TOKEN, revisionToken(current.state().taskId(), current.revision() + 1)));
        if (!publications.isEmpty()) {
            updates.add(Updates.pushEach(OUTBOX, publications.stream().map(TaskDocuments::toDocument).toList()));
            updates.add(Updates.min(OUTBOX_SINCE, Date.from(now)));
            List<Document> history = publications.stream()
                .filter(StatusChange::statusChanged)
                .map(TaskDocuments::toHistoryEntry)
                .toList();
            if (!history.isEmpty()) {
                updates.add(Updates.pushEach(STATUS_HISTORY, history));
            }
        }
        return Updates.combine(updates);
    }

    /**
     * What a flush published of one task's outbox.
     *
     * @param revision the revision of the document the flush read its outbox from
     * @param eventIds the published entries
     * @param emptied whether those were all of the entries the flush saw
     */
    record OutboxRemoval(String taskId, long revision, boolean revisionToken, List<String> eventIds, boolean emptied) {
    }

    /**
     * Removes published entries of many tasks with one bulk request (two when a writer
     * interfered), each operation found by its revision token or by {@code _id} (both
     * indexed, so no operation scans the collection). A task whose flush emptied the
     * outbox it saw, and that no writer changed since, leaves the relay's index in the
     * same operation; otherwise only the entries are pulled, and the relay takes the rest
     * later.
     */
    void removeFromOutboxes(List<OutboxRemoval> removals) {
        List<WriteModel<Document>> emptied = new ArrayList<>();
        List<WriteModel<Document>> pulls = new ArrayList<>();
        for (OutboxRemoval removal : removals) {
            Bson pull = Updates.pull(OUTBOX, Filters.in(EVENT_ID, removal.eventIds()));
            if (removal.emptied()) {
                Bson unchanged = revisionFilter(removal.taskId(), removal.revision(), removal.revisionToken());
                emptied.add(new UpdateOneModel<>(unchanged, removal.eventIds().isEmpty() ? Updates.unset(OUTBOX_SINCE)
                        : Updates.combine(pull, Updates.unset(OUTBOX_SINCE))));
            }
            if (!removal.eventIds().isEmpty()) {
                pulls.add(new UpdateOneModel<>(Filters.eq(ID, removal.taskId()), pull));
            }
        }
        boolean allEmptied = emptied.size() == removals.size();
        if (!emptied.isEmpty()
                && tasks.bulkWrite(emptied, new BulkWriteOptions().ordered(false)).getMatchedCount() < emptied.size()) {
            // a writer changed some of these tasks since: pull what was published, the
            // relay does the rest
            allEmptied = false;
        }
        if (!allEmptied && !pulls.isEmpty()) {
            tasks.bulkWrite(pulls, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * Tasks whose outbox has been pending since before the cut-off: their publisher
     * probably crashed.
     */
    List<StoredTask> findStaleOutboxes(Instant pendingBefore, int limit) {
        return tasks.find(Filters.lte(OUTBOX_SINCE, Date.from(pendingBefore)))
            .limit(limit)
            .map(TaskDocuments::toStoredTask)
            .into(new ArrayList<>());
    }

    /**
     * Ids of task records whose retention has ended, oldest first, through the sparse
     * {@code record_expires_at} index.
     */
    public List<String> findExpiredRecords(Instant now, int limit) {
        return tasks.find(Filters.lte(RECORD_EXPIRES_AT, Date.from(now)))
            .projection(Projections.include(ID))
            .sort(Sorts.ascending(RECORD_EXPIRES_AT))
            .limit(limit)
            .map(document -> document.getString(ID))
            .into(new ArrayList<>());
    }

    /**
     * Deletes these task records if their retention has still ended (the condition is
     * checked again, atomically per document). Deleting twice is harmless, so replicas
     * that sweep at the same time need no claim.
     * @return how many this call deleted
     */
    public long deleteExpiredRecords(List<String> taskIds, Instant now) {
        if (taskIds.isEmpty()) {
            return 0;
        }
        return tasks.deleteMany(Filters.and(Filters.in(ID, taskIds), Filters.lte(RECORD_EXPIRES_AT, Date.from(now))))
            .getDeletedCount();
    }

    long countPendingOutboxes() {
        return tasks.countDocuments(Filters.exists(OUTBOX_SINCE));
    }

}
