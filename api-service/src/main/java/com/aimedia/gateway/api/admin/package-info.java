/**
 * The admin API ({@code /admin/v1/...}) for operators: tenants, their limits and model
 * access, and their API keys. It is protected by its own credential
 * ({@code gateway.api.admin.token}), never by a tenant's API key, and is off (every
 * request refused) while no token is configured.
 */
@NullMarked
package com.aimedia.gateway.api.admin;

import org.jspecify.annotations.NullMarked;
