/** A local simulator of the Replicate predictions API (providers.md section 11). */
@NullMarked
package com.aimedia.gateway.simulators.replicate;

import org.jspecify.annotations.NullMarked;
