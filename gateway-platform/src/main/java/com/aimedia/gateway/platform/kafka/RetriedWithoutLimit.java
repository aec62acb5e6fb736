package com.aimedia.gateway.platform.kafka;

/**
 * Marks a retryable exception whose retries the listener bounds itself: it keeps its own
 * count or deadline in durable state and, once it gives up, settles the record's work and
 * returns instead of throwing. The error handler redelivers such a record without a limit
 * and without a back-off of its own (the listener waited before it threw), so the record
 * never reaches the dead-letter topic for it. Each delivery must return well within
 * {@code max.poll.interval.ms}: a redelivery is a new poll.
 */
public interface RetriedWithoutLimit {

}
