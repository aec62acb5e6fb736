package com.aimedia.gateway.api.auth;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the gateway keeps about a key: never the key itself.
 *
 * @param hint the key's first and last characters, e.g. {@code sk_AbC…wxyz}, so a person
 * can tell keys apart
 * @param scopes empty for a key that may do everything
 * @param rotatedTo for a key revoked by a rotation, the id of its successor
 */
public record ApiKeyView(String keyId, String tenantId, String name, List<Scope> scopes, String hint, Instant createdAt,
        @Nullable Instant revokedAt, @Nullable String rotatedTo) {

    public ApiKeyView {
        scopes = List.copyOf(scopes);
    }
}
