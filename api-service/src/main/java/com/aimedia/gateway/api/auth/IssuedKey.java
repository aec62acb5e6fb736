package com.aimedia.gateway.api.auth;

/**
 * A key just created: the only moment the secret exists outside the caller's hands.
 *
 * @param secret the API key; stored nowhere, shown once
 */
public record IssuedKey(ApiKeyView key, String secret) {

    /** Never print the secret. */
    @Override
    public String toString() {
        return "IssuedKey[key=" + key + ", secret=***]";
    }
}
