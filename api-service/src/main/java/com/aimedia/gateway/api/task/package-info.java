/** Submitting and reading tasks over HTTP. */
@NullMarked
package com.aimedia.gateway.api.task;

import org.jspecify.annotations.NullMarked;
