/** The Replicate adapter (providers.md section 11). */
@NullMarked
package com.aimedia.gateway.workers.provider.replicate;

import org.jspecify.annotations.NullMarked;
