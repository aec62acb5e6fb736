/** The Runway developer API simulator (providers.md sections 3 and 4). */
@NullMarked
package com.aimedia.gateway.simulators.runway;

import org.jspecify.annotations.NullMarked;
