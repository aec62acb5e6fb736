/** The Kafka edge of polling: poll requests and submission checks as Avro events. */
@NullMarked
package com.aimedia.gateway.orchestrator.polling.messaging;

import org.jspecify.annotations.NullMarked;
