package com.aimedia.gateway.api.auth;

/**
 * The authenticated caller. A controller method that declares a {@code Tenant} parameter requires a valid API key;
 * the key is checked before anything else of the request is looked at.
 * @param id the tenant id
 */
public record Tenant(String id) {
}
