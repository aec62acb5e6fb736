/** Idempotency-Key handling for task submission. */
@NullMarked
package com.aimedia.gateway.api.idempotency;

import org.jspecify.annotations.NullMarked;
