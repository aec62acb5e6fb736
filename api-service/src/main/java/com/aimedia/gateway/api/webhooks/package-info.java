/**
 * Forwards the delivery log and signing secret API to the callback-service, which owns
 * that data.
 */
@NullMarked
package com.aimedia.gateway.api.webhooks;

import org.jspecify.annotations.NullMarked;
