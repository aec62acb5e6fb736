package com.aimedia.gateway.api.auth;

/**
 * The authenticated caller. A controller method that declares a {@code Tenant} parameter
 * requires a valid API key with the method's {@link RequiresScope}; the key is checked
 * before anything else of the request is looked at.
 *
 * @param id the tenant id
 * @param keyId the public id of the key the request came with (for per-key limits), never
 * the key itself
 */
public record Tenant(String id, String keyId) {
}
