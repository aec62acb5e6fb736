package com.aimedia.gateway.workers.provider.http;

import org.jspecify.annotations.Nullable;

/**
 * Keeps credentials out of provider text: a provider may echo the key in an error
 * message, and that message ends up in task errors and logs.
 */
public final class Secrets {

    private static final String MASK = "***";

    private Secrets() {
    }

    /**
     * {@code message} with every configured (non-blank) secret replaced by {@code ***}.
     */
    public static String scrub(String message, @Nullable String... secrets) {
        String result = message;
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

}
