/**
 * The embedded default: one process with a Kafka broker, a MongoDB-compatible server, the
 * simulators and the services.
 */
@NullMarked
package com.aimedia.gateway.local;

import org.jspecify.annotations.NullMarked;
