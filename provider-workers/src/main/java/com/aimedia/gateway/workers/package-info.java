/**
 * Provider workers: submit tasks to providers and poll them, reporting what they learn on
 * tasks.status.
 */
@NullMarked
package com.aimedia.gateway.workers;

import org.jspecify.annotations.NullMarked;
