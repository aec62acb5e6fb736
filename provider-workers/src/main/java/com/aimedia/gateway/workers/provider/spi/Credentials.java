package com.aimedia.gateway.workers.provider.spi;

import org.jspecify.annotations.Nullable;

/**
 * The one credentials check of every adapter: whether they are configured, and refusing a
 * call when they are not.
 */
public final class Credentials {

    private Credentials() {
    }

    /**
     * True when every value is set: secrets come only from the environment, and an unset
     * one binds as null or blank.
     */
    public static boolean present(@Nullable String... values) {
        for (String value : values) {
            if (value == null || value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Refuses a provider call of an adapter without credentials
     * ({@link ProviderAdapter#isConfigured()}).
     */
    public static void require(ProviderAdapter adapter) {
        if (!adapter.isConfigured()) {
            throw new ProviderNotConfigured(
                    "The provider " + adapter.id().value() + " is not configured on this gateway (no credentials).");
        }
    }

}
