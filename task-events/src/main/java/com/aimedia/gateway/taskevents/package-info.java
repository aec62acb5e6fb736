/**
 * Consumer kit for the gateway's public event stream: subscribe to
 * {@link TaskEvents#TOPIC}, decode values with {@link TaskStatusChangedDeserializer},
 * read the CloudEvents headers with {@link TaskEventMetadata}.
 */
@NullMarked
package com.aimedia.gateway.taskevents;

import org.jspecify.annotations.NullMarked;
