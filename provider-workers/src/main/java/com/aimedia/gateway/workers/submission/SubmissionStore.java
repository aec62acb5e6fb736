package com.aimedia.gateway.workers.submission;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.min;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.platform.readmodel.TaskReadModel;
import com.aimedia.gateway.platform.retention.TaskRecordRetention;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.Submission;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;

/**
 * The {@code submissions} collection: one document per task ({@code _id} = task id,
 * unique), written BEFORE a provider is asked to run the task, so a redelivery or a crash
 * never submits twice without knowing it (docs/design.md section 5). Every change is a
 * single-document conditional update on the expected {@code state}. Every query is by
 * {@code _id} (unique by itself), except the retention sweep's, which has its own sparse
 * index on {@code record_expires_at}.
 *
 * <p>
 * An attempt in flight is leased to the worker process that makes it ({@code owner},
 * {@code lease_until}), and that process renews the lease while its provider call runs
 * ({@link SubmissionLeases}). A redelivery that reaches another replica meanwhile (a
 * consumer-group rebalance) waits instead of looking the task up while the first call may
 * still create it; the lease of a killed process runs out within {@code lease}, and then
 * the attempt is taken over.
 */
final class SubmissionStore {

    static final String COLLECTION = "submissions";

    /**
     * When the record is deleted: the claim's time plus the tenant's task-record
     * retention; absent = kept.
     */
    static final String RECORD_EXPIRES_AT = "record_expires_at";

    private static final Logger log = LoggerFactory.getLogger(SubmissionStore.class);

    private static final int MAX_CLAIM_RACES = 3;

    /**
     * Attempts the provider refused for its rate or concurrency limit: they do not count
     * toward {@code max-attempts} ({@link #markRateLimited}).
     */
    private static final String RATE_LIMITED_ATTEMPTS = "rate_limited_attempts";

    /**
     * When the provider first refused the task for its limit: the patience runs from it.
     */
    private static final String RATE_LIMITED_SINCE = "rate_limited_since";

    /** Set when the task's owner cancelled it; see {@link #requestCancel}. */
    private static final String CANCEL_REQUESTED_AT = "cancel_requested_at";

    private final MongoCollection<Document> submissions;

    /** The orchestrator's tasks, read only: whether a task ended. */
    private final MongoCollection<Document> tasks;

    private final String owner;

    private final Duration lease;

    private final TaskRecordRetention retention;

    /**
     * @param owner this worker process (unique per start)
     * @param lease how long an attempt stays leased to its owner without a renewal
     */
    SubmissionStore(MongoDatabase database, String owner, Duration lease) {
        this(database, owner, lease, TaskRecordRetention.keepForever());
    }

    SubmissionStore(MongoDatabase database, String owner, Duration lease, TaskRecordRetention retention) {
        this.submissions = database.getCollection(COLLECTION);
        this.tasks = database.getCollection(TaskReadModel.COLLECTION);
        this.owner = owner;
        this.lease = lease;
        this.retention = retention;
    }

    void createIndexes() {
        submissions.createIndex(Indexes.ascending(RECORD_EXPIRES_AT), new IndexOptions().sparse(true));
    }

    /**
     * Settled submissions whose tenant's task-record retention has ended, through the
     * sparse index.
     */
    List<String> findExpiredRecords(Instant now, int limit) {
        return submissions.find(expiredAndSettled(now))
            .projection(Projections.include("_id"))
            .sort(Sorts.ascending(RECORD_EXPIRES_AT))
            .limit(limit)
            .map(document -> document.getString("_id"))
            .into(new java.util.ArrayList<>());
    }

    /**
     * Deletes those still expired and settled (never an attempt in flight); deleting
     * twice is harmless.
     */
    long deleteExpiredRecords(List<String> taskIds, Instant now) {
        return taskIds.isEmpty() ? 0
                : submissions.deleteMany(and(in("_id", taskIds), expiredAndSettled(now))).getDeletedCount();
    }

    private static Bson expiredAndSettled(Instant now) {
        return and(lte(RECORD_EXPIRES_AT, Date.from(now)), Filters.ne("state", SubmissionState.SUBMITTING.wireValue()));
    }

    /** Any settled or pending submission of a task, as it is now. */
    Optional<SubmissionRecord> find(String taskId) {
        return Optional.ofNullable(submissions.find(eq("_id", taskId)).first()).map(SubmissionStore::toRecord);
    }

    /** Extends the leases this process holds on the given attempts. */
    void renewLeases(Collection<String> taskIds, Instant now) {
        if (!taskIds.isEmpty()) {
            submissions.updateMany(
                    and(in("_id", taskIds), eq("owner", owner), eq("state", SubmissionState.SUBMITTING.wireValue())),
                    set("lease_until", Date.from(now.plus(lease))));
        }
    }

    /**
     * The provider's task for a gateway task of that provider, once a submit was
     * accepted.
     */
    Optional<SubmissionRecord> findAccepted(String taskId, String provider) {
        Document document = submissions.find(and(eq("_id", taskId), eq("provider", provider))).first();
        if (document == null || document.getString("provider_task_id") == null) {
            return Optional.empty();
        }
        return Optional.of(toRecord(document));
    }

    /** Records an attempt to submit, or says what an earlier delivery already did. */
    Claim claim(String taskId, String provider, String tenantId, Instant now) {
        try {
            // the tenant decides where the outputs go (retention, daily byte limit:
            // outputs.TaskTenants reads it)
            Document fresh = new Document("_id", taskId).append("provider", provider)
                .append("tenant_id", tenantId)
                .append("state", SubmissionState.SUBMITTING.wireValue())
                .append("attempts", 1)
                .append("owner", owner)
                .append("lease_until", Date.from(now.plus(lease)))
                .append("attempted_at", Date.from(now))
                .append("updated_at", Date.from(now));
            retention.expiresAt(tenantId, now).ifPresent(at -> fresh.append(RECORD_EXPIRES_AT, Date.from(at)));
            submissions.insertOne(fresh);
            return new Claim.Fresh(1);
        }
        catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        for (int race = 0; race < MAX_CLAIM_RACES; race++) {
            Document existing = Objects.requireNonNull(submissions.find(eq("_id", taskId)).first(),
                    "a submission vanished: " + taskId);
            SubmissionState state = SubmissionState.fromWire(existing.getString("state"));
            if (state == SubmissionState.SUBMITTING && leasedElsewhere(existing, now)) {
                return new Claim.InFlight(existing.getDate("lease_until").toInstant());
            }
            Claim claim = switch (state) {
                case ACCEPTED, COMPLETED, FAILED, CANCELLED -> new Claim.Settled(toRecord(existing));
                case NOT_SUBMITTED -> existing.get(CANCEL_REQUESTED_AT) != null
                        ? settleCancelled(taskId, SubmissionState.NOT_SUBMITTED, now)
                        : reclaim(taskId, state, now, true);
                case SUBMITTING -> reclaim(taskId, state, now, false);
            };
            if (claim != null) {
                return claim;
            }
        }
        throw new IllegalStateException("the submission of task " + taskId + " kept changing concurrently");
    }

    private boolean leasedElsewhere(Document submission, Instant now) {
        Date leaseUntil = submission.getDate("lease_until");
        return leaseUntil != null && leaseUntil.toInstant().isAfter(now)
                && !owner.equals(submission.getString("owner"));
    }

    private @Nullable Claim reclaim(String taskId, SubmissionState expected, Instant now, boolean provablyNotCreated) {
        Bson filter = and(eq("_id", taskId), eq("state", expected.wireValue()));
        if (provablyNotCreated) {
            // a cancel that arrived since claim() read the document wins: the task is
            // never sent
            filter = and(filter, exists(CANCEL_REQUESTED_AT, false));
        }
        if (expected == SubmissionState.SUBMITTING) {
            // an attempt still leased to a live process elsewhere is not taken (claim()
            // saw it free; this re-checks)
            filter = and(filter,
                    or(exists("lease_until", false), lte("lease_until", Date.from(now)), eq("owner", owner)));
        }
        Document updated = submissions.findOneAndUpdate(filter,
                combine(set("state", SubmissionState.SUBMITTING.wireValue()), inc("attempts", 1), set("owner", owner),
                        set("lease_until", Date.from(now.plus(lease))), set("attempted_at", Date.from(now)),
                        set("updated_at", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (updated == null) {
            return null;
        }
        // a rate-limited attempt waited its turn: it does not use up the task's attempts
        int attempts = updated.getInteger("attempts", 1) - updated.getInteger(RATE_LIMITED_ATTEMPTS, 0);
        return provablyNotCreated ? new Claim.Fresh(attempts) : new Claim.Uncertain(attempts);
    }

    /**
     * Records the provider's task. Returns whether the task's owner cancelled it
     * meanwhile (its {@link #requestCancel} found no provider task to stop yet): then the
     * caller stops it at the provider. Both writes are atomic on the one document, so at
     * least one of the two sides sees both the provider task and the cancel.
     */
    boolean markAccepted(String taskId, Submission submission, List<String> publishedOutputs, Instant now) {
        SubmissionState state = submission.isCompleted() ? SubmissionState.COMPLETED : SubmissionState.ACCEPTED;
        Document updated = submissions.findOneAndUpdate(openFilter(taskId),
                combine(set("state", state.wireValue()), set("provider_task_id", submission.providerTaskId()),
                        set("provider_ref", submission.providerRef()), set("outputs", publishedOutputs),
                        set("updated_at", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (updated == null) {
            log.warn("submission was already settled by another delivery, left unchanged taskId={}", taskId);
            return false;
        }
        return updated.get(CANCEL_REQUESTED_AT) != null;
    }

    /**
     * The owner cancelled the task (TaskCancelRequested; processed at least once, so this
     * is idempotent). Returns the submission as it is afterwards:
     * <ul>
     * <li>no attempt yet, or one the provider provably never received
     * ({@code not_submitted}): now {@code cancelled}, and a later delivery of the
     * TaskSubmitted never sends the task;</li>
     * <li>an attempt in flight ({@code submitting}): marked, and the attempt stops the
     * task once the provider accepted it ({@link #markAccepted} answers true);</li>
     * <li>accepted: the caller stops it at the provider.</li>
     * </ul>
     */
    SubmissionRecord requestCancel(String taskId, String provider, String tenantId, Instant now) {
        Document notSent = submissions.findOneAndUpdate(
                and(eq("_id", taskId), eq("state", SubmissionState.NOT_SUBMITTED.wireValue())),
                combine(set("state", SubmissionState.CANCELLED.wireValue()), set(CANCEL_REQUESTED_AT, Date.from(now)),
                        set("updated_at", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (notSent != null) {
            return toRecord(notSent);
        }
        Bson mark = combine(set(CANCEL_REQUESTED_AT, Date.from(now)), setOnInsert("provider", provider),
                setOnInsert("tenant_id", tenantId), setOnInsert("state", SubmissionState.CANCELLED.wireValue()),
                setOnInsert("attempts", 0), setOnInsert("updated_at", Date.from(now)));
        FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true)
            .returnDocument(ReturnDocument.AFTER);
        try {
            return toRecord(Objects.requireNonNull(submissions.findOneAndUpdate(eq("_id", taskId), mark, upsert)));
        }
        catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the first attempt was inserted at the same moment: mark it instead
            return toRecord(Objects.requireNonNull(submissions.findOneAndUpdate(eq("_id", taskId), mark, upsert)));
        }
    }

    /**
     * Whether the orchestrator ended the task (any terminal status); false while it has
     * not stored it.
     */
    boolean taskHasEnded(String taskId) {
        return tasks.find(and(eq(TaskReadModel.ID, taskId), in(TaskReadModel.STATUS, TaskReadModel.TERMINAL)))
            .projection(new Document(TaskReadModel.ID, 1))
            .first() != null;
    }

    /**
     * An attempt whose outcome was unknown turned out never to have reached the provider,
     * and was cancelled; or the task ended before it was sent.
     */
    void markCancelled(String taskId, Instant now) {
        update(taskId, combine(set("state", SubmissionState.CANCELLED.wireValue()), set("updated_at", Date.from(now))));
    }

    private @Nullable Claim settleCancelled(String taskId, SubmissionState expected, Instant now) {
        Document updated = submissions.findOneAndUpdate(and(eq("_id", taskId), eq("state", expected.wireValue())),
                combine(set("state", SubmissionState.CANCELLED.wireValue()), set("updated_at", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return updated == null ? null : new Claim.Settled(toRecord(updated));
    }

    void markFailed(String taskId, ErrorCode code, String message, Instant now) {
        update(taskId, combine(set("state", SubmissionState.FAILED.wireValue()), set("error_code", code.wireValue()),
                set("error_message", message), set("updated_at", Date.from(now))));
    }

    /**
     * The provider provably did not create the task (e.g. it answered 429 1303): a retry
     * may submit again.
     */
    void markNotSubmitted(String taskId, Instant now) {
        update(taskId,
                combine(set("state", SubmissionState.NOT_SUBMITTED.wireValue()), set("updated_at", Date.from(now))));
    }

    /**
     * The provider refused the attempt for its rate or concurrency limit (its 429): it
     * provably did not create the task, so a retry may submit again, and the attempt does
     * not count toward {@code max-attempts}. Returns when the provider first refused the
     * task, from which its patience runs; empty if another delivery settled it meanwhile.
     */
    Optional<Instant> markRateLimited(String taskId, Instant now) {
        // $min sets a missing field: the first refusal's time stays
        Document updated = submissions.findOneAndUpdate(openFilter(taskId),
                combine(set("state", SubmissionState.NOT_SUBMITTED.wireValue()), inc(RATE_LIMITED_ATTEMPTS, 1),
                        min(RATE_LIMITED_SINCE, Date.from(now)), set("updated_at", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (updated == null) {
            log.warn("submission was already settled by another delivery, left unchanged taskId={}", taskId);
            return Optional.empty();
        }
        return Optional.of(updated.getDate(RATE_LIMITED_SINCE).toInstant());
    }

    private static Bson openFilter(String taskId) {
        return and(eq("_id", taskId),
                in("state", SubmissionState.SUBMITTING.wireValue(), SubmissionState.NOT_SUBMITTED.wireValue()));
    }

    private void update(String taskId, Bson update) {
        if (submissions.updateOne(openFilter(taskId), update).getModifiedCount() != 1) {
            log.warn("submission was already settled by another delivery, left unchanged taskId={}", taskId);
        }
    }

    private static SubmissionRecord toRecord(Document document) {
        List<String> outputs = document.getList("outputs", String.class, List.of());
        return new SubmissionRecord(document.getString("_id"), SubmissionState.fromWire(document.getString("state")),
                document.getString("provider_task_id"), document.getString("provider_ref"), outputs,
                document.getString("error_code"), document.getString("error_message"),
                document.get(CANCEL_REQUESTED_AT) != null);
    }

    /** What {@link #claim} found. */
    sealed interface Claim {

        /**
         * This delivery owns a new attempt, and the provider provably has no task yet.
         */
        record Fresh(int attempt) implements Claim {
        }

        /**
         * An earlier attempt may or may not have reached the provider: look it up before
         * submitting.
         */
        record Uncertain(int attempt) implements Claim {
        }

        /** An earlier delivery already settled the submission: report it again. */
        record Settled(SubmissionRecord record) implements Claim {
        }

        /**
         * Another live worker process is making this attempt right now: wait for it, at
         * most until its lease ends.
         */
        record InFlight(Instant leaseUntil) implements Claim {
        }

    }

    record SubmissionRecord(String taskId, SubmissionState state, @Nullable String providerTaskId,
            @Nullable String providerRef, List<String> outputs, @Nullable String errorCode,
            @Nullable String errorMessage, boolean cancelRequested) {
    }

    enum SubmissionState {

        SUBMITTING("submitting"), ACCEPTED("accepted"), COMPLETED("completed"), FAILED("failed"),
        NOT_SUBMITTED("not_submitted"),
        /** The owner cancelled the task before it was sent: it never is. */
        CANCELLED("cancelled");

        private final String wireValue;

        SubmissionState(String wireValue) {
            this.wireValue = wireValue;
        }

        String wireValue() {
            return wireValue;
        }

        static SubmissionState fromWire(@Nullable String value) {
            for (SubmissionState state : values()) {
                if (state.wireValue.equals(value)) {
                    return state;
                }
            }
            throw new IllegalStateException("unknown submission state: " + value);
        }

    }

}
