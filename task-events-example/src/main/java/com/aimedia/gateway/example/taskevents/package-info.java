/**
 * An example subscriber of the gateway's public task event stream, to copy from: one
 * functional {@code Consumer} bean, native decoding with the kit's deserializer,
 * deduplication by task version, the binder's DLQ for poison records.
 */
@NullMarked
package com.aimedia.gateway.example.taskevents;

import org.jspecify.annotations.NullMarked;
