/** The Runway developer API adapter (providers.md sections 3 and 4). */
@NullMarked
package com.aimedia.gateway.workers.provider.runway;

import org.jspecify.annotations.NullMarked;
