/**
 * The Kafka edge of provider-workers, and the only package that names Avro records: one
 * listener container per provider on {@code tasks.submitted.<provider>} and
 * {@code tasks.poll.<provider>}, the mapping of those records to the domain commands of
 * {@code submission} and {@code polling}, and the publishers of {@code tasks.status}.
 */
@NullMarked
package com.aimedia.gateway.workers.messaging;

import org.jspecify.annotations.NullMarked;
