/** The Runway developer API simulator (docs/providers/runway.md). */
@NullMarked
package com.aimedia.gateway.simulators.runway;

import org.jspecify.annotations.NullMarked;
