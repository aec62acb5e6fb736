/** A local simulator of the Black Forest Labs (Flux) API (docs/providers/bfl.md). */
@NullMarked
package com.aimedia.gateway.simulators.bfl;

import org.jspecify.annotations.NullMarked;
