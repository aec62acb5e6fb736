/**
 * Bearer API keys: {@code Authorization: Bearer <key>} resolves to a tenant id through
 * {@code api_keys} ({@code _id} = hex SHA-256 of the key), or the request is refused with
 * the service's 401 code.
 */
@NullMarked
package com.aimedia.gateway.auth.apikey;

import org.jspecify.annotations.NullMarked;
