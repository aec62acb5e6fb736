/**
 * The public HTTP API of the gateway: auth, validation, idempotency; publishes
 * TaskSubmitted.
 */
@NullMarked
package com.aimedia.gateway.api;

import org.jspecify.annotations.NullMarked;
