/**
 * {@code GET /v1/usage}: a tenant's tasks in a time range by final status, with the
 * images and videos they produced, grouped by model or by day. Computed from
 * {@code tasks}, the orchestrator's record of the task event stream.
 */
@NullMarked
package com.aimedia.gateway.api.usage;

import org.jspecify.annotations.NullMarked;
