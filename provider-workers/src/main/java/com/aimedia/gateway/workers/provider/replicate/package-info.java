/** The Replicate adapter (docs/providers/replicate.md). */
@NullMarked
package com.aimedia.gateway.workers.provider.replicate;

import org.jspecify.annotations.NullMarked;
