/** The Black Forest Labs (Flux) adapter (providers.md section 10). */
@NullMarked
package com.aimedia.gateway.workers.provider.bfl;

import org.jspecify.annotations.NullMarked;
