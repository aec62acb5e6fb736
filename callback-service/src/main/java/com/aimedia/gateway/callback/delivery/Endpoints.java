package com.aimedia.gateway.callback.delivery;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * The health of each destination, one document per (tenant, URL) in
 * {@code webhook_endpoints}:
 * {@code {_id, tenant_id, url, state: enabled|disabled, disabled_reason: gone|failing, disabled_at,
 * first_failure_at}}. A 410 disables the URL at once. Otherwise, once every attempt to
 * the URL has failed for {@code disableAfter} (the clock starts at the first failure, any
 * success stops it, and a failure streak older than twice the window is forgiven, as in
 * Svix), the URL is disabled too. A disabled URL takes no deliveries until the tenant
 * redelivers or recovers, which enables it again.
 */
final class Endpoints {

    static final String COLLECTION = "webhook_endpoints";

    private static final Logger log = LoggerFactory.getLogger(Endpoints.class);

    private final MongoCollection<Document> collection;

    private final Duration disableAfter;

    private final CallbackMetrics metrics;

    Endpoints(MongoDatabase database, Duration disableAfter, CallbackMetrics metrics) {
        this.collection = database.getCollection(COLLECTION);
        this.disableAfter = disableAfter;
        this.metrics = metrics;
    }

    void createIndexes() {
        collection.createIndex(Indexes.ascending("tenant_id", "state"), new IndexOptions().name("tenant_state"));
    }

    static String idOf(String tenantId, String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((tenantId + "\n" + url).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Why the endpoint is disabled ({@code gone} or {@code failing}), or empty if it
     * takes deliveries.
     */
    Optional<String> disabledReason(String endpointId) {
        Document endpoint = collection.find(and(eq("_id", endpointId), eq("state", "disabled"))).first();
        return Optional.ofNullable(endpoint).map(document -> document.getString("disabled_reason"));
    }

    /** The receiver answered 410: stop the URL now. */
    void gone(Delivery delivery, Instant now) {
        ensure(delivery);
        if (disable(delivery, "gone", now, eq("_id", delivery.endpointId()))) {
            log.warn("webhook endpoint disabled after 410 taskId={} tenantId={}", delivery.taskId(),
                    delivery.tenantId());
        }
    }

    void succeeded(String endpointId) {
        collection.updateOne(and(eq("_id", endpointId), exists("first_failure_at")), Updates.unset("first_failure_at"));
    }

    /**
     * An attempt failed: start (or continue) the failure window, and disable the URL once
     * it has run out.
     */
    void failed(Delivery delivery, Instant now) {
        String id = delivery.endpointId();
        ensure(delivery);
        collection.updateOne(eq("_id", id), Updates.set("last_failure_at", Date.from(now)));
        collection.updateOne(and(eq("_id", id), eq("first_failure_at", null)),
                Updates.set("first_failure_at", Date.from(now)));
        // a streak that began more than twice the window ago without a disable is
        // forgiven and restarts
        collection.updateOne(
                and(eq("_id", id), lt("first_failure_at", Date.from(now.minus(disableAfter.multipliedBy(2))))),
                Updates.set("first_failure_at", Date.from(now)));
        if (disable(delivery, "failing", now,
                and(eq("_id", id), lte("first_failure_at", Date.from(now.minus(disableAfter)))))) {
            log.warn("webhook endpoint disabled after failing for the whole window taskId={} tenantId={} window={}",
                    delivery.taskId(), delivery.tenantId(), disableAfter);
        }
    }

    /**
     * Takes deliveries again (a redelivery or recovery asked for by the tenant); the
     * failure clock restarts.
     */
    void enable(String endpointId) {
        collection.updateOne(eq("_id", endpointId), Updates.combine(Updates.set("state", "enabled"),
                Updates.unset("disabled_reason"), Updates.unset("disabled_at"), Updates.unset("first_failure_at")));
    }

    private void ensure(Delivery delivery) {
        collection.updateOne(eq("_id", delivery.endpointId()),
                Updates.combine(Updates.setOnInsert("tenant_id", delivery.tenantId()),
                        Updates.setOnInsert("url", delivery.url()), Updates.setOnInsert("state", "enabled")),
                new UpdateOptions().upsert(true));
    }

    /**
     * True if this call disabled the endpoint (the "endpoint disabled" notification: a
     * WARN log and a metric).
     */
    private boolean disable(Delivery delivery, String reason, Instant now, Bson filter) {
        long changed = collection
            .updateOne(and(filter, ne("state", "disabled")), Updates.combine(Updates.set("state", "disabled"),
                    Updates.set("disabled_reason", reason), Updates.set("disabled_at", Date.from(now))))
            .getModifiedCount();
        if (changed == 1) {
            metrics.endpointDisabled(reason);
        }
        return changed == 1;
    }

}
