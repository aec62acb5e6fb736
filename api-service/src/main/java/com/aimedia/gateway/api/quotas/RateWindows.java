package com.aimedia.gateway.api.quotas;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * {@code rate_windows}: one counter per subject (a tenant or a key) and one-second
 * window, {@code {_id: subject + "@" + second, subject, second, count, expire_at}}. Every
 * replica counts in the same document with one atomic {@code $inc}, so the limit is the
 * gateway's, not a JVM's. Old windows go by a TTL index where MongoDB has one, and by the
 * first request of each new window everywhere (the embedded server has no TTL).
 */
@Repository
class RateWindows {

    private static final int ATTEMPTS = 3;

    private final MongoCollection<Document> windows;

    RateWindows(MongoDatabase database) {
        this.windows = database.getCollection("rate_windows");
        windows.createIndex(Indexes.ascending("expire_at"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        windows.createIndex(Indexes.ascending("subject", "second"));
    }

    /**
     * Counts {@code requests} requests of the subject in the current second; @return the
     * count including them
     */
    long increment(String subject, Instant now, long requests) {
        long second = now.getEpochSecond();
        for (int attempt = 1;; attempt++) {
            try {
                Document window = windows.findOneAndUpdate(Filters.eq("_id", subject + "@" + second),
                        Updates.combine(Updates.inc("count", requests), Updates.setOnInsert("subject", subject),
                                Updates.setOnInsert("second", second),
                                Updates.setOnInsert("expire_at", Date.from(Instant.ofEpochSecond(second + 60)))),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                // an upsert that returns the document after the update always returns one
                long count = Objects.requireNonNull(window).get("count", Number.class).longValue();
                if (count == requests) {
                    windows.deleteMany(Filters.and(Filters.eq("subject", subject), Filters.lt("second", second - 1)));
                }
                return count;
            }
            catch (MongoServerException e) {
                // Two replicas upserting the same new window: one inserts, the other
                // retries and increments.
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY || attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

}
