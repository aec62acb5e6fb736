package com.aimedia.gateway.workers.provider.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A provider's id: lowercase, the suffix of its topics ({@code tasks.submitted.kling}).
 */
public record ProviderId(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9-]+");

    public ProviderId {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("provider id must match [a-z0-9-]+: " + value);
        }
    }

    public static ProviderId of(String value) {
        return new ProviderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
