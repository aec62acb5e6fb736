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
 * Finds due polls through the partial {@code next_poll_at} index and claims each with one
 * atomic conditional update, so that of several orchestrator replicas exactly one gets a
 * given poll. A claim filters on the task's {@code poll_token} ({@code _id} and
 * {@code next_poll_at} in one unique field), which every MongoDB answers from an index; a
 * document whose token does not match its {@code next_poll_at} (written before tokens
 * existed, or by hand) is claimed by {@code _id}, {@code next_poll_at} and status, and
 * gets its token with that claim.
 */
@Repository
class PollClaims {

    private static final List<String> POLLABLE = List.of(TaskStatus.QUEUED.wireName(),
            TaskStatus.IN_PROGRESS.wireName());

    /**
     * How often {@link #makeDue} tries when the poll moves under it (a concurrent claim
     * or task write).
     */
    private static final int MAKE_DUE_ATTEMPTS = 3;

    private final MongoCollection<Document> tasks;

    PollClaims(TaskStore store) {
        this.tasks = store.collection();
    }

    /**
     * A task whose poll is due, as read (not yet claimed).
     *
     * @param tokenCurrent whether the document's {@code poll_token} is the one of
     * {@code nextPollAt}
     */
    record DuePoll(String taskId, String provider, Instant nextPollAt, int pollAttempts, @Nullable Instant deadlineAt,
            boolean tokenCurrent, boolean accepted) {
    }

    /**
     * A poll this replica claimed; {@code traceParent} is the task's trace context, which
     * the poll continues.
     */
    record ClaimedPoll(String taskId, String provider, @Nullable String tenantId, @Nullable String providerTaskId,
            @Nullable String providerRef, int attempt, @Nullable Instant deadlineAt, @Nullable String traceParent) {
    }

    List<DuePoll> findDue(Instant now, int limit) {
        return tasks.find(due(now))
            .projection(Projections.include(PROVIDER, NEXT_POLL_AT, POLL_TOKEN, POLL_ATTEMPTS, DEADLINE_AT,
                    PROVIDER_TASK_ID))
            .sort(Sorts.ascending(NEXT_POLL_AT))
            .limit(limit)
            .map(PollClaims::toDuePoll)
            .into(new ArrayList<>());
    }

    private static DuePoll toDuePoll(Document document) {
        String taskId = document.getString(ID);
        Instant nextPollAt = document.getDate(NEXT_POLL_AT).toInstant();
        return new DuePoll(taskId, document.getString(PROVIDER), nextPollAt, attempts(document),
                instant(document.getDate(DEADLINE_AT)),
                pollToken(taskId, nextPollAt).equals(document.getString(POLL_TOKEN)),
                document.getString(PROVIDER_TASK_ID) != null);
    }

    /**
     * Moves the poll to {@code nextPollAt} and counts it, unless another replica claimed
     * it first (empty).
     */
    Optional<ClaimedPoll> claim(DuePoll due, Instant nextPollAt) {
        Document claimed = tasks.findOneAndUpdate(claimFilter(due),
                Updates.combine(moveTo(due.taskId(), nextPollAt), Updates.inc(POLL_ATTEMPTS, 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed)
            .map(document -> new ClaimedPoll(document.getString(ID), document.getString(PROVIDER),
                    document.getString(TENANT_ID), document.getString(PROVIDER_TASK_ID),
                    document.getString(PROVIDER_REF), attempts(document), instant(document.getDate(DEADLINE_AT)),
                    document.getString(TRACE_PARENT)));
    }

    /**
     * Moves a claimed poll from {@code claimedAt} (where its claim moved it) to
     * {@code nextPollAt}, unless something moved it since.
     */
    void reschedule(String taskId, Instant claimedAt, Instant nextPollAt) {
        tasks.updateOne(Filters.eq(POLL_TOKEN, pollToken(taskId, claimedAt)), moveTo(taskId, nextPollAt));
    }

    /** What a provider callback found: a poll made due now, or why there is none. */
    sealed interface MadeDue {

        /** The poll, moved to now, as read for {@link #claim}. */
        record Due(DuePoll poll) implements MadeDue {
        }

        /** The task is polled, but its provider's acceptance has not been applied yet. */
        record AwaitingAcceptance() implements MadeDue {
        }

        /** Terminal, unknown, or not polled (yet): nothing to poll. */
        record NotPolled() implements MadeDue {
        }

    }

    /**
     * Makes a task's poll due now, if the task is still polled (not terminal, not
     * unknown) and the provider was seen to accept it: what a provider callback asks for.
     * Reads by {@code _id}, then moves the poll it read with a claim-like conditional
     * update, so neither step scans the collection.
     * <p>
     * A task still waiting for its acceptance (no provider task id) is left alone: its
     * due poll would be a submission check, and the acceptance is on its way already (a
     * provider calls back about a task the worker submitted, and the worker reports the
     * acceptance before it commits the submission); a lost report is what the scheduled
     * acceptance check is for. Checking at once made every fast provider's task one more
     * worker round and one more report. The caller polls it once the acceptance is
     * applied ({@link EarlyCallbacks}).
     */
    MadeDue makeDue(String taskId, Instant now) {
        for (int attempt = 1; attempt <= MAKE_DUE_ATTEMPTS; attempt++) {
            Document current = tasks.find(Filters.eq(ID, taskId))
                .projection(Projections.include(PROVIDER, STATUS, NEXT_POLL_AT, POLL_TOKEN, POLL_ATTEMPTS, DEADLINE_AT,
                        PROVIDER_TASK_ID))
                .first();
            if (current == null || current.getDate(NEXT_POLL_AT) == null
                    || !POLLABLE.contains(current.getString(STATUS))) {
                return new MadeDue.NotPolled();
            }
            if (current.getString(PROVIDER_TASK_ID) == null) {
                return new MadeDue.AwaitingAcceptance();
            }
            DuePoll read = toDuePoll(current);
            Document due = tasks.findOneAndUpdate(claimFilter(read), moveTo(taskId, now),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.include(PROVIDER, NEXT_POLL_AT, POLL_TOKEN, POLL_ATTEMPTS, DEADLINE_AT,
                                PROVIDER_TASK_ID)));
            if (due != null) {
                return new MadeDue.Due(toDuePoll(due));
            }
        }
        return new MadeDue.NotPolled();
    }

    /**
     * How many polls are due: a count without a limit, which reads every due task, so
     * {@link PollBacklog} runs it only while the scheduler's batches come back full.
     */
    long countDue(Instant now) {
        return tasks.countDocuments(due(now));
    }

    private static Bson due(Instant now) {
        return Filters.and(Filters.lte(NEXT_POLL_AT, Date.from(now)), Filters.in(STATUS, POLLABLE));
    }

    /** The poll exactly as read: same task, same {@code next_poll_at}, still pollable. */
    private static Bson claimFilter(DuePoll due) {
        return due.tokenCurrent() ? Filters.eq(POLL_TOKEN, pollToken(due.taskId(), due.nextPollAt()))
                : Filters.and(Filters.eq(ID, due.taskId()), Filters.eq(NEXT_POLL_AT, Date.from(due.nextPollAt())),
                        Filters.in(STATUS, POLLABLE));
    }

    private static Bson moveTo(String taskId, Instant nextPollAt) {
        return Updates.combine(Updates.set(NEXT_POLL_AT, Date.from(nextPollAt)),
                Updates.set(POLL_TOKEN, pollToken(taskId, nextPollAt)));
    }

    private static int attempts(Document document) {
        Number attempts = document.get(POLL_ATTEMPTS, Number.class);
        return attempts == null ? 0 : attempts.intValue();
    }

}
