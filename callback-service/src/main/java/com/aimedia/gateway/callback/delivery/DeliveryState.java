package com.aimedia.gateway.callback.delivery;

import java.util.Locale;

/**
 * Where one delivery (one task version to one URL) stands; stored lowercase in
 * {@code deliveries.state}.
 */
public enum DeliveryState {

    /** waiting for its {@code next_attempt_at} */
    PENDING,
    /** claimed by a dispatcher until {@code lease_until} */
    SENDING,
    /** a 2xx answer was received: final */
    DELIVERED,
    /** the retry schedule is exhausted, or the URL was refused: final */
    FAILED,
    /** a newer version of the task was recorded before this one was delivered: final */
    SUPERSEDED,
    /** the receiver answered 410 Gone: final */
    GONE;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryState of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

}
