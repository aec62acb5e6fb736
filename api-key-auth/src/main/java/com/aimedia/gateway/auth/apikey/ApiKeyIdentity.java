package com.aimedia.gateway.auth.apikey;

import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who a valid key speaks for.
 *
 * @param keyId the key's public id ({@code key_...}), never the key itself
 * @param tenantId the tenant the key belongs to
 * @param scopes the key's scopes; {@code null} for a key written before keys had scopes,
 * which may do everything
 */
public record ApiKeyIdentity(String keyId, String tenantId, @Nullable Set<String> scopes) {

    public ApiKeyIdentity {
        scopes = scopes == null ? null : Set.copyOf(scopes);
    }

    /** Whether the key may use the given scope. */
    public boolean allows(String scope) {
        return scopes == null || scopes.contains(scope);
    }

    /** The scopes, if the key is restricted to some. */
    public Optional<Set<String>> restrictedTo() {
        return Optional.ofNullable(scopes);
    }
}
