/** The Kling AI adapter (providers.md section 1). */
@NullMarked
package com.aimedia.gateway.workers.provider.kling;

import org.jspecify.annotations.NullMarked;
