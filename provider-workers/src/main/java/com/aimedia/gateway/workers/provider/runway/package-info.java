/** The Runway developer API adapter (docs/providers/runway.md). */
@NullMarked
package com.aimedia.gateway.workers.provider.runway;

import org.jspecify.annotations.NullMarked;
