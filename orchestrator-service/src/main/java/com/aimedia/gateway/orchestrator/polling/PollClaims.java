package com.aimedia.gateway.orchestrator.polling;

import static com.aimedia.gateway.orchestrator.task.TaskDocuments.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import com.aimedia.gateway.orchestrator.task.TaskStatus;
import com.aimedia.gateway.orchestrator.task.TaskStore;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * Finds due polls through the partial {@code next_poll_at} index and claims each with one atomic conditional
 * update, so that of several orchestrator replicas exactly one gets a given poll.
 */
@Repository
class PollClaims {

    private static final List<String> POLLABLE = List.of(TaskStatus.QUEUED.wireName(),
            TaskStatus.IN_PROGRESS.wireName());

    private final MongoCollection<Document> tasks;

    PollClaims(TaskStore store) {
        this.tasks = store.collection();
    }

    /** A task whose poll is due, as read (not yet claimed). */
    record DuePoll(String taskId, String provider, Instant nextPollAt, int pollAttempts, @Nullable Instant deadlineAt) {
    }

    /** A poll this replica claimed; {@code traceParent} is the task's trace context, which the poll continues. */
    record ClaimedPoll(String taskId, String provider, @Nullable String providerTaskId, @Nullable String providerRef,
            int attempt, @Nullable Instant deadlineAt, @Nullable String traceParent) {
    }

    List<DuePoll> findDue(Instant now, int limit) {
        return tasks.find(due(now))
            .projection(Projections.include(PROVIDER, NEXT_POLL_AT, POLL_ATTEMPTS, DEADLINE_AT))
            .sort(Sorts.ascending(NEXT_POLL_AT))
            .limit(limit)
            .map(PollClaims::toDuePoll)
            .into(new ArrayList<>());
    }

    private static DuePoll toDuePoll(Document document) {
        return new DuePoll(document.getString(ID), document.getString(PROVIDER),
                document.getDate(NEXT_POLL_AT).toInstant(), attempts(document), instant(document.getDate(DEADLINE_AT)));
    }

    /** Moves the poll to {@code nextPollAt} and counts it, unless another replica claimed it first (empty). */
    Optional<ClaimedPoll> claim(DuePoll due, Instant nextPollAt) {
        Document claimed = tasks.findOneAndUpdate(
                Filters.and(Filters.eq(ID, due.taskId()), Filters.eq(NEXT_POLL_AT, Date.from(due.nextPollAt())),
                        Filters.in(STATUS, POLLABLE)),
                Updates.combine(Updates.set(NEXT_POLL_AT, Date.from(nextPollAt)), Updates.inc(POLL_ATTEMPTS, 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed)
            .map(document -> new ClaimedPoll(document.getString(ID), document.getString(PROVIDER),
                    document.getString(PROVIDER_TASK_ID), document.getString(PROVIDER_REF), attempts(document),
                    instant(document.getDate(DEADLINE_AT)), document.getString(TRACE_PARENT)));
    }

    /**
     * Makes a task's poll due now, if the task is still polled (not terminal, not unknown): what a provider callback
     * asks for. Returns the poll as read, for {@link #claim}.
     */
    Optional<DuePoll> makeDue(String taskId, Instant now) {
        Document due = tasks.findOneAndUpdate(
                Filters.and(Filters.eq(ID, taskId), Filters.exists(NEXT_POLL_AT), Filters.in(STATUS, POLLABLE)),
                Updates.set(NEXT_POLL_AT, Date.from(now)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                    .projection(Projections.include(PROVIDER, NEXT_POLL_AT, POLL_ATTEMPTS, DEADLINE_AT)));
        return Optional.ofNullable(due).map(PollClaims::toDuePoll);
    }

    long countDue(Instant now) {
        return tasks.countDocuments(due(now));
    }

    private static Bson due(Instant now) {
        return Filters.and(Filters.lte(NEXT_POLL_AT, Date.from(now)), Filters.in(STATUS, POLLABLE));
    }

    private static int attempts(Document document) {
        Number attempts = document.get(POLL_ATTEMPTS, Number.class);
        return attempts == null ? 0 : attempts.intValue();
    }
}
