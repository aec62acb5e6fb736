/**
 * What a worker tells the orchestrator about a task (submission and polling both report),
 * as domain records.
 */
@NullMarked
package com.aimedia.gateway.workers.reporting;

import org.jspecify.annotations.NullMarked;
