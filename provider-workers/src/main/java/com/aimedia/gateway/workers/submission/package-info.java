/** Consumes tasks.submitted.&lt;provider&gt; and tasks.poll.&lt;provider&gt;: at-most-once submission and polling. */
@NullMarked
package com.aimedia.gateway.workers.submission;

import org.jspecify.annotations.NullMarked;
