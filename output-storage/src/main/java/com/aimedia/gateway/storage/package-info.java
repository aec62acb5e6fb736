/**
 * The gateway's output store and the download links of stored outputs. provider-workers
 * writes outputs under deterministic keys and reports {@code gateway-output:<key>}
 * references; whoever renders a task for a client (api-service on GET, callback-service
 * on every webhook attempt) turns the references into signed links at that moment, so a
 * task's links stay valid for the whole retention period.
 */
@NullMarked
package com.aimedia.gateway.storage;

import org.jspecify.annotations.NullMarked;
