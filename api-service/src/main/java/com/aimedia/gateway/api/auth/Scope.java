package com.aimedia.gateway.api.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an API key may do. A key without scopes (the development key, keys from before
 * scopes) may do all.
 */
public enum Scope {

    /** Submit and cancel tasks. */
    SUBMIT,
    /** Read tasks, their events, models and usage. */
    READ,
    /** Webhook secrets, deliveries, redelivery, recovery and test events. */
    WEBHOOKS_ADMIN;

    /** The wire form, e.g. {@code webhooks-admin}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Scope> fromWire(String value) {
        return Arrays.stream(values()).filter(scope -> scope.wireName().equals(value)).findFirst();
    }

}
