/**
 * Polls one provider task when the orchestrator asks and reports what the poll learned.
 */
@NullMarked
package com.aimedia.gateway.workers.polling;

import org.jspecify.annotations.NullMarked;
