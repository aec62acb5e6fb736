/** A task submission accepted by the API, as a domain value. */
@NullMarked
package com.aimedia.gateway.api.submission;

import org.jspecify.annotations.NullMarked;
