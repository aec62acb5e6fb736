/** A local simulator of the Kling AI API (providers.md section 1). */
@NullMarked
package com.aimedia.gateway.simulators.kling;

import org.jspecify.annotations.NullMarked;
