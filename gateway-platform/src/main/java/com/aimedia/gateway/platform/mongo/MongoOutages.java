package com.aimedia.gateway.platform.mongo;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * Tells a MongoDB outage (no server reachable, a connection cut, a primary stepping down)
 * from a failed operation: an outage passes by itself, so the work is retried, never
 * given up or answered as a bug.
 */
public final class MongoOutages {

    private MongoOutages() {
    }

    public static boolean isOutage(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoTimeoutException || cause instanceof MongoSocketException
                    || cause instanceof MongoNotPrimaryException || cause instanceof MongoNodeIsRecoveringException) {
                return true;
            }
        }
        return false;
    }

}
