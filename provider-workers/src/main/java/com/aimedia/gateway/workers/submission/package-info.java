/**
 * At-most-once submission of a task to its provider, and re-reporting a settled
 * submission when asked.
 */
@NullMarked
package com.aimedia.gateway.workers.submission;

import org.jspecify.annotations.NullMarked;
