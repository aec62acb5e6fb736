/**
 * Bearer API keys, read from the api-service's {@code api_keys} collection (read-only
 * here).
 */
@NullMarked
package com.aimedia.gateway.callback.auth;

import org.jspecify.annotations.NullMarked;
