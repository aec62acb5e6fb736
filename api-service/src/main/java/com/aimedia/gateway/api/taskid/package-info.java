/** Self-authenticating, time-ordered task ids. */
@NullMarked
package com.aimedia.gateway.api.taskid;

import org.jspecify.annotations.NullMarked;
