/** The Black Forest Labs (Flux) adapter (docs/providers/bfl.md). */
@NullMarked
package com.aimedia.gateway.workers.provider.bfl;

import org.jspecify.annotations.NullMarked;
