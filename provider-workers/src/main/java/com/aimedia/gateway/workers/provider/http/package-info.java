/**
 * HTTP plumbing shared by the provider adapters: sending with timeouts, Retry-After, JSON
 * bodies, secret scrubbing. Only what is truly identical across providers lives here;
 * wire records, statuses and error classifiers stay in each provider's package. This
 * package never imports a provider package (see {@code ArchitectureTest}).
 */
@NullMarked
package com.aimedia.gateway.workers.provider.http;

import org.jspecify.annotations.NullMarked;
