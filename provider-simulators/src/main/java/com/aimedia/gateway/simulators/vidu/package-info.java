/** A local simulator of the Vidu API v2 (providers.md section 7). */
@NullMarked
package com.aimedia.gateway.simulators.vidu;

import org.jspecify.annotations.NullMarked;
