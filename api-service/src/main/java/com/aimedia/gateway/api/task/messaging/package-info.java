/** The Kafka edge of tasks: the only place api-service builds Avro events. */
@NullMarked
package com.aimedia.gateway.api.task.messaging;

import org.jspecify.annotations.NullMarked;
