/** A local simulator of the Replicate predictions API (docs/providers/replicate.md). */
@NullMarked
package com.aimedia.gateway.simulators.replicate;

import org.jspecify.annotations.NullMarked;
