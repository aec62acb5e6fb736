/** A local simulator of the Black Forest Labs (Flux) API (providers.md section 10). */
@NullMarked
package com.aimedia.gateway.simulators.bfl;

import org.jspecify.annotations.NullMarked;
