/**
 * Outputs of finished tasks: copied from the provider into the gateway's own store and
 * served as signed, expiring URLs, so that clients never need a provider credential nor
 * meet a provider URL that expires within minutes.
 */
@NullMarked
package com.aimedia.gateway.workers.outputs;

import org.jspecify.annotations.NullMarked;
