package com.aimedia.gateway.callback.auth;

/**
 * The authenticated caller. A controller method that declares a {@code Tenant} parameter
 * requires a valid API key.
 *
 * @param id the tenant id
 */
public record Tenant(String id) {
}
