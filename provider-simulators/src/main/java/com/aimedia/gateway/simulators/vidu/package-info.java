/** A local simulator of the Vidu API v2 (docs/providers/vidu.md). */
@NullMarked
package com.aimedia.gateway.simulators.vidu;

import org.jspecify.annotations.NullMarked;
