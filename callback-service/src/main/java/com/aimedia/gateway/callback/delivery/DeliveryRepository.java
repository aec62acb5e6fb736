package com.aimedia.gateway.callback.delivery;

import static com.aimedia.gateway.callback.delivery.DeliveryDocuments.ATTEMPTS;
import static com.aimedia.gateway.callback.delivery.DeliveryDocuments.ATTEMPT_COUNT;
import static com.aimedia.gateway.callback.delivery.DeliveryDocuments.DEAD_LETTER;
import static com.aimedia.gateway.callback.delivery.DeliveryDocuments.DEAD_LETTER_LEASE;
import static com.aimedia.gateway.callback.delivery.DeliveryDocuments.MANUAL;
import static com.aimedia.gateway.callback.delivery.DeliveryDocuments.REASON;
import static com.aimedia.gateway.callback.delivery.DeliveryDocuments.TENANT_ID;
import static com.aimedia.gateway.callback.delivery.DeliveryDocuments.HOST;
import static com.aimedia.gateway.callback.delivery.DeliveryDocuments.ID;
import static com.aimedia.gateway.callback.delivery.DeliveryDocuments.LEASE_TOKEN;
import static com.aimedia.gateway.callback.delivery.DeliveryDocuments.LEASE_UNTIL;
import static com.aimedia.gateway.callback.delivery.DeliveryDocuments.NEXT_ATTEMPT_AT;
import static com.aimedia.gateway.callback.delivery.DeliveryDocuments.STATE;
import static com.aimedia.gateway.callback.delivery.DeliveryDocuments.TASK_ID;
import static com.aimedia.gateway.callback.delivery.DeliveryDocuments.UPDATED_AT;
import static com.aimedia.gateway.callback.delivery.DeliveryDocuments.VERSION;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * The {@code deliveries} collection: one document per (task, version),
 * {@code _id = taskId:version}. Every state change is one conditional single-document
 * update (mongo-java-server has no transactions): a claimed delivery is only changed by
 * the holder of its lease token.
 */
final class DeliveryRepository {

    static final String COLLECTION = "deliveries";

    private final MongoCollection<Document> collection;

    DeliveryRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /**
     * Deliveries whose record retention has ended and that are settled: never one still
     * pending or being sent, or given up with its dead letter not yet published. Found
     * through the sparse {@code record_expiry} index.
     */
    List<String> findExpiredRecords(Instant now, int limit) {
        return collection.find(expiredAndSettled(now))
            .projection(Projections.include(ID))
            .sort(Sorts.ascending(DeliveryDocuments.RECORD_EXPIRES_AT))
            .limit(limit)
            .map(document -> document.getString(ID))
            .into(new ArrayList<>());
    }

    /**
     * Deletes those of these deliveries that are still expired and settled; deleting
     * twice is harmless.
     */
    long deleteExpiredRecords(List<String> ids, Instant now) {
        return ids.isEmpty() ? 0 : collection.deleteMany(and(in(ID, ids), expiredAndSettled(now))).getDeletedCount();
    }

    private static Bson expiredAndSettled(Instant now) {
        return and(lte(DeliveryDocuments.RECORD_EXPIRES_AT, Date.from(now)),
                nin(STATE, DeliveryState.PENDING.value(), DeliveryState.SENDING.value()), ne(DEAD_LETTER, "pending"));
    }

    void createIndexes() {
        collection.createIndex(Indexes.ascending(STATE, NEXT_ATTEMPT_AT), new IndexOptions().name("due"));
        collection.createIndex(Indexes.ascending(STATE, LEASE_UNTIL), new IndexOptions().name("leases"));
        // a lease token is present exactly while its delivery is sending: the holder's
        // writes find it by this alone
        collection.createIndex(Indexes.ascending(LEASE_TOKEN),
                new IndexOptions().name("lease_tokens").unique(true).sparse(true));
        collection.createIndex(Indexes.ascending(TASK_ID, VERSION), new IndexOptions().name("task_versions"));
        collection.createIndex(Indexes.ascending(TENANT_ID, DeliveryDocuments.CREATED_AT),
                new IndexOptions().name("tenant_created"));
        collection.createIndex(Indexes.ascending(TENANT_ID, STATE, UPDATED_AT),
                new IndexOptions().name("tenant_state"));
        collection.createIndex(Indexes.ascending(DEAD_LETTER), new IndexOptions().name("dead_letters").sparse(true));
        collection.createIndex(Indexes.ascending(DeliveryDocuments.RECORD_EXPIRES_AT),
                new IndexOptions().name("record_expiry").sparse(true));
    }

    /** Inserts a new delivery; false if this (task, version) is already recorded. */
    boolean insert(Document delivery) {
        try {
            collection.insertOne(delivery);
            return true;
        }
        catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    boolean newerVersionExists(String taskId, long version) {
        return collection.find(and(eq(TASK_ID, taskId), gt(VERSION, version))).limit(1).first() != null;
    }

    boolean olderVersionSending(String taskId, long version) {
        return collection.find(and(eq(TASK_ID, taskId), lt(VERSION, version), state(DeliveryState.SENDING)))
            .limit(1)
            .first() != null;
    }

    /**
     * Older versions of the task that are still waiting become superseded; returns how
     * many.
     */
    long supersedeOlderPending(String taskId, long version, Instant now) {
        return collection
            .updateMany(and(eq(TASK_ID, taskId), lt(VERSION, version), state(DeliveryState.PENDING)),
                    Updates.combine(Updates.set(STATE, DeliveryState.SUPERSEDED.value()), updatedAt(now)))
            .getModifiedCount();
    }

    /**
     * Atomically takes the most overdue pending delivery whose host is not in
     * {@code busyHosts}: it becomes {@code sending} until {@code leaseUntil}, under a
     * fresh lease token.
     */
    Optional<Delivery> claimNext(Instant now, Instant leaseUntil, Collection<String> busyHosts) {
        Bson due = and(state(DeliveryState.PENDING), lte(NEXT_ATTEMPT_AT, Date.from(now)));
        Bson filter = busyHosts.isEmpty() ? due : and(due, nin(HOST, busyHosts));
        Document claimed = collection.findOneAndUpdate(filter,
                Updates.combine(Updates.set(STATE, DeliveryState.SENDING.value()),
                        Updates.set(LEASE_UNTIL, Date.from(leaseUntil)),
                        Updates.set(LEASE_TOKEN, UUID.randomUUID().toString()), updatedAt(now)),
                new FindOneAndUpdateOptions().sort(Sorts.ascending(NEXT_ATTEMPT_AT))
                    .returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(DeliveryDocuments::claimed);
    }

    /**
     * Gives a claimed delivery back without an attempt: it is due again at
     * {@code nextAttemptAt}.
     */
    boolean release(Delivery delivery, Instant nextAttemptAt, Instant now) {
        return updateClaimed(delivery,
                Updates.combine(Updates.set(STATE, DeliveryState.PENDING.value()),
                        Updates.set(NEXT_ATTEMPT_AT, Date.from(nextAttemptAt)), Updates.unset(LEASE_UNTIL),
                        Updates.unset(LEASE_TOKEN), updatedAt(now)));
    }

    boolean supersede(Delivery delivery, Instant now) {
        return updateClaimed(delivery, Updates.combine(Updates.set(STATE, DeliveryState.SUPERSEDED.value()),
                Updates.unset(LEASE_UNTIL), Updates.unset(LEASE_TOKEN), updatedAt(now)));
    }

    /**
     * Records an attempt and moves the claimed delivery to {@code next} (due at
     * {@code nextAttemptAt} if pending). A delivery abandoned for good carries its
     * {@code reason} and waits to be published as a dead letter.
     */
    boolean finish(Delivery delivery, AttemptRecord attempt, DeliveryState next, @Nullable Instant nextAttemptAt,
            @Nullable AbandonReason abandoned, Instant now) {
        Bson update = Updates.combine(Updates.push(ATTEMPTS, DeliveryDocuments.attempt(attempt)),
                Updates.inc(ATTEMPT_COUNT, 1), Updates.set(STATE, next.value()), Updates.unset(LEASE_UNTIL),
                Updates.unset(LEASE_TOKEN), Updates.unset(MANUAL), updatedAt(now),
                nextAttemptAt == null ? Updates.unset(NEXT_ATTEMPT_AT)
                        : Updates.set(NEXT_ATTEMPT_AT, Date.from(nextAttemptAt)),
                abandoned == null ? Updates.unset(REASON) : Updates.set(REASON, abandoned.value()),
                abandoned == null ? Updates.unset(DEAD_LETTER) : Updates.set(DEAD_LETTER, "pending"));
        return updateClaimed(delivery, update);
    }

    /** Gives up a claimed delivery without an attempt (its URL is disabled). */
    boolean abandon(Delivery delivery, DeliveryState next, AbandonReason reason, Instant now) {
        return updateClaimed(delivery,
                Updates.combine(Updates.set(STATE, next.value()), Updates.set(REASON, reason.value()),
                        Updates.set(DEAD_LETTER, "pending"), Updates.unset(LEASE_UNTIL), Updates.unset(LEASE_TOKEN),
                        Updates.unset(NEXT_ATTEMPT_AT), Updates.unset(MANUAL), updatedAt(now)));
    }

    /**
     * Takes one abandoned delivery whose dead letter is not yet published, for
     * {@code leaseUntil}.
     */
    Optional<Document> claimDeadLetter(Instant now, Instant leaseUntil) {
        Bson free = or(exists(DEAD_LETTER_LEASE, false), lt(DEAD_LETTER_LEASE, Date.from(now)));
        return Optional.ofNullable(collection.findOneAndUpdate(and(eq(DEAD_LETTER, "pending"), free),
                Updates.set(DEAD_LETTER_LEASE, Date.from(leaseUntil)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    void deadLetterPublished(String id, Instant now) {
        collection.updateOne(and(eq(ID, id), eq(DEAD_LETTER, "pending")), Updates
            .combine(Updates.set(DEAD_LETTER, "published"), Updates.unset(DEAD_LETTER_LEASE), updatedAt(now)));
    }

    /** Every delivery of one task of one tenant, oldest version first. */
    List<Document> forTask(String tenantId, String taskId) {
        return collection.find(and(eq(TASK_ID, taskId), eq(TENANT_ID, tenantId)))
            .sort(Sorts.ascending(VERSION))
            .into(new ArrayList<>());
    }

    /**
     * Final deliveries of a tenant that were not delivered, changed since {@code since}
     * (at most {@code limit}).
     */
    List<Document> undeliveredSince(String tenantId, Instant since, int limit) {
        return collection
            .find(and(eq(TENANT_ID, tenantId), in(STATE, DeliveryState.FAILED.value(), DeliveryState.GONE.value()),
                    gte(UPDATED_AT, Date.from(since))))
            .sort(Sorts.ascending(UPDATED_AT))
            .limit(limit)
            .into(new ArrayList<>());
    }

    /**
     * A final delivery becomes due again at once as a manual redelivery, keeping its
     * webhook-id; false if it was not in {@code expected} any more.
     */
    boolean redeliver(String id, DeliveryState expected, Instant now) {
        return collection.updateOne(and(eq(ID, id), state(expected)),
                Updates.combine(Updates.set(STATE, DeliveryState.PENDING.value()),
                        Updates.set(NEXT_ATTEMPT_AT, Date.from(now)), Updates.set(MANUAL, true), Updates.unset(REASON),
                        updatedAt(now)))
            .getModifiedCount() == 1;
    }

    /**
     * Deliveries whose dispatcher died mid-attempt go back to pending, due at once;
     * returns how many.
     */
    long releaseExpiredLeases(Instant now) {
        return collection.updateMany(and(state(DeliveryState.SENDING), lt(LEASE_UNTIL, Date.from(now))),
                Updates.combine(Updates.set(STATE, DeliveryState.PENDING.value()),
                        Updates.set(NEXT_ATTEMPT_AT, Date.from(now)), Updates.unset(LEASE_UNTIL),
                        Updates.unset(LEASE_TOKEN), updatedAt(now)))
            .getModifiedCount();
    }

    /**
     * Extends the leases of attempts still in flight, so only a dead holder's lease runs
     * out.
     */
    long renewLeases(Collection<String> leaseTokens, Instant leaseUntil, Instant now) {
        if (leaseTokens.isEmpty()) {
            return 0;
        }
        return collection
            .updateMany(in(LEASE_TOKEN, leaseTokens),
                    Updates.combine(Updates.set(LEASE_UNTIL, Date.from(leaseUntil)), updatedAt(now)))
            .getModifiedCount();
    }

    long countPending() {
        return collection.countDocuments(state(DeliveryState.PENDING));
    }

    /**
     * Changes a delivery only while it is still claimed under this lease. The lease token
     * alone says that: it is unique, set by the claim together with {@code sending}, and
     * removed by every change that ends the lease; a filter on this one uniquely indexed
     * field is also one that mongo-java-server (the embedded default) answers from an
     * index, where {@code {_id, state, lease_token}} made it scan the collection.
     */
    private boolean updateClaimed(Delivery delivery, Bson update) {
        return collection.updateOne(eq(LEASE_TOKEN, delivery.leaseToken()), update).getModifiedCount() == 1;
    }

    private static Bson state(DeliveryState state) {
        return eq(STATE, state.value());
    }

    private static Bson updatedAt(Instant now) {
        return Updates.set(UPDATED_AT, Date.from(now));
    }

}
