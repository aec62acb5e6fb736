package com.aimedia.gateway.api.quotas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import com.aimedia.gateway.api.quotas.GroupedWrites.Pending;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * {@code in_flight_counts}: one counter document per tenant, {@code {_id: tenant id,
 * tasks: n, keys: {<key id>: n}}}, the number of the tenant's (and each key's) task
 * slots. Taking a slot is one atomic {@code $inc} of both counters by {@code _id}, shared
 * by every replica, so the in-flight limit costs one small write instead of counting the
 * tenant's slots on every submit (a count that reads every slot document on the embedded
 * default, which has no secondary indexes).
 * <p>
 * A tenant's document is created from its {@code task_slots} the first time it is needed
 * (slots written before the counters existed keep counting); from then on only a slot
 * taken here adds to it and only a slot deleted from {@code task_slots} takes from it.
 * Concurrent takes are counted together where they fit ({@link GroupedWrites}).
 */
@Repository
class InFlightCounts implements AutoCloseable {

    static final String COLLECTION = "in_flight_counts";

    static final String TASKS = "tasks";

    static final String KEYS = "keys";

    /** What a key id may hold to be a field name as it is. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]{1,200}");

    private static final int ATTEMPTS = 3;

    private final MongoCollection<Document> counts;

    private final TaskSlots slots;

    private final GroupedWrites<Take, Boolean> takes = new GroupedWrites<>("in-flight-takes", this::takeAll);

    InFlightCounts(MongoDatabase database, TaskSlots slots) {
        this.counts = database.getCollection(COLLECTION);
        this.slots = slots;
    }

    @Override
    public void close() {
        takes.close();
    }

    /**
     * The tenant's and the key's counts.
     *
     * @param tenant slots of the whole tenant
     * @param key slots of the key
     */
    record Counts(long tenant, long key) {
    }

    /**
     * Counts one more slot for the tenant and the key if both stay within their limits
     * with it; @return whether it was counted
     */
    boolean takeWithin(String tenantId, String keyId, long tenantLimit, @Nullable Integer keyLimit) {
        return takes.write(new Take(tenantId, keyId, tenantLimit, keyLimit));
    }

    /** One submit's slot to take, and the limits it is taken within. */
    private record Take(String tenantId, String keyId, long tenantLimit, @Nullable Integer keyLimit) {
    }

    /**
     * The takes that arrived together: those of one tenant, key and limits are counted
     * with one increment when all of them fit (the usual case, far from the limits), else
     * one by one, so that at the edge exactly the limit's worth are admitted. Takes of
     * different tenants or keys are made in parallel, as their requests would have made
     * them.
     */
    private void takeAll(List<Pending<Take, Boolean>> group) {
        Map<Take, List<Pending<Take, Boolean>>> alike = new LinkedHashMap<>();
        group.forEach(pending -> alike.computeIfAbsent(pending.item(), take -> new ArrayList<>()).add(pending));
        if (alike.size() == 1) {
            alike.forEach(this::takeAlike);
            return;
        }
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            alike.forEach((take, pendings) -> parallel.execute(() -> takeAlike(take, pendings)));
        }
    }

    /**
     * Settles takes of one tenant, key and limits. Once one of them is refused the tenant
     * or key is at its limit, and the rest are refused with it without asking again (as
     * if they had arrived at the same instant), so a tenant flooding its limit costs a
     * few round trips per group, not two per request.
     */
    private void takeAlike(Take take, List<Pending<Take, Boolean>> pendings) {
        try {
            if (pendings.size() > 1 && takeIfRoom(take, pendings.size())) {
                pendings.forEach(pending -> pending.succeed(true));
                return;
            }
        }
        catch (RuntimeException e) {
            pendings.forEach(pending -> pending.fail(e));
            return;
        }
        boolean full = false;
        for (Pending<Take, Boolean> pending : pendings) {
            try {
                full = full || !takeOne(take);
                pending.succeed(!full);
            }
            catch (RuntimeException e) {
                pending.fail(e);
            }
        }
    }

    /**
     * Counts {@code slots} more for the tenant and the key if all of them fit within both
     * limits; @return whether they were counted (not when the tenant has no counts yet)
     */
    private boolean takeIfRoom(Take take, int slots) {
        String keyCount = keyCount(take.keyId());
        List<Bson> room = new ArrayList<>(
                List.of(Filters.eq("_id", take.tenantId()), Filters.lte(TASKS, take.tenantLimit() - slots)));
        Integer keyLimit = take.keyLimit();
        if (keyLimit != null) {
            if (slots > keyLimit) {
                return false;
            }
            // a key's first slots: its field is not there yet
            room.add(Filters.or(Filters.lte(keyCount, keyLimit - slots), Filters.exists(keyCount, false)));
        }
        return counts
            .updateOne(Filters.and(room), Updates.combine(Updates.inc(TASKS, slots), Updates.inc(keyCount, slots)))
            .getMatchedCount() > 0;
    }

    private boolean takeOne(Take take) {
        for (int attempt = 1;; attempt++) {
            if (takeIfRoom(take, 1)) {
                return true;
            }
            if (counts.find(Filters.eq("_id", take.tenantId())).first() != null) {
                return false;
            }
            if (attempt >= ATTEMPTS) {
                throw new IllegalStateException(
                        "in-flight counts of tenant " + take.tenantId() + " could not be created");
            }
            create(take.tenantId());
        }
    }

    private static String keyCount(String keyId) {
        return KEYS + "." + field(keyId);
    }

    /** Counts {@code slots} fewer for the tenant and the key. */
    void give(String tenantId, String keyId, long slots) {
        if (slots > 0) {
            counts.updateOne(Filters.eq("_id", tenantId),
                    Updates.combine(Updates.inc(TASKS, -slots), Updates.inc(keyCount(keyId), -slots)));
        }
    }

    /** The counts as they are. */
    Counts current(String tenantId, String keyId) {
        Document found = counts.find(Filters.eq("_id", tenantId)).first();
        return found == null ? new Counts(0, 0) : countsOf(found, keyId);
    }

    /**
     * Creates the tenant's document from the slots it holds. No slot of the tenant can be
     * added meanwhile (a slot is only added after a {@link #takeWithin} on this
     * document), and of two replicas creating it at once the second one's insert fails
     * and is dropped.
     */
    private void create(String tenantId) {
        Map<String, Long> held = slots.heldByKey(tenantId);
        Document keys = new Document();
        held.forEach((key, count) -> keys.merge(field(key), count, (a, b) -> (Long) a + (Long) b));
        long total = held.values().stream().mapToLong(Long::longValue).sum();
        try {
            counts.insertOne(new Document("_id", tenantId).append(TASKS, total).append(KEYS, keys));
        }
        catch (MongoServerException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static Counts countsOf(Document document, String keyId) {
        Document keys = document.get(KEYS, Document.class);
        return new Counts(number(document.get(TASKS)), keys == null ? 0 : number(keys.get(field(keyId))));
    }

    private static long number(@Nullable Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    /**
     * A key id as a field name: as it is when it holds no dot or dollar (every id the
     * gateway issues); otherwise its hash, so a hand-written id cannot name a path.
     */
    static String field(String keyId) {
        return PLAIN.matcher(keyId).matches() ? keyId
                : "h_" + Integer.toHexString(Objects.hash(keyId)) + "_" + keyId.length();
    }

}
