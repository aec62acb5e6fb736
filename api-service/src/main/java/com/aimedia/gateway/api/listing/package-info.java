/**
 * {@code GET /v1/tasks}: the tenant's tasks newest first, filtered by status, model and
 * creation time, in pages linked by an opaque cursor, read from {@code tasks} through its
 * {@code {tenant_id, created_at, _id}} index.
 */
@NullMarked
package com.aimedia.gateway.api.listing;

import org.jspecify.annotations.NullMarked;
