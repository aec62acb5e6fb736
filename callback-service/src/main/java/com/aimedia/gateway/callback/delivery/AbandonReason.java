package com.aimedia.gateway.callback.delivery;

import java.util.Locale;

/**
 * Why a delivery was given up for good; stored in {@code deliveries.reason}, shown to the
 * tenant, and sent with the dead letter on {@code tasks.changed.DLT}.
 */
public enum AbandonReason {

    /** every attempt of the retry schedule failed */
    RETRIES_EXHAUSTED("every attempt of the retry schedule failed"),
    /** the receiver answered 410 Gone: the URL takes no more deliveries */
    ENDPOINT_GONE("the receiver answered 410 Gone; deliveries to this URL are stopped"),
    /**
     * the URL was disabled before this delivery (410 earlier, or failing for longer than
     * the disable window)
     */
    ENDPOINT_DISABLED("deliveries to this URL are stopped"),
    /** the URL guard refused the URL: it can never be delivered */
    URL_REFUSED("the callback URL is not allowed"),
    /** the body is larger than the configured limit: never sent */
    BODY_TOO_LARGE("the task body is larger than the webhook size limit"),
    /** a manual redelivery failed; it is not rescheduled */
    REDELIVERY_FAILED("the requested redelivery failed");

    private final String description;

    AbandonReason(String description) {
        this.description = description;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

}
