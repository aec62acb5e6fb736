/** A local simulator of the Kling AI API (docs/providers/kling.md). */
@NullMarked
package com.aimedia.gateway.simulators.kling;

import org.jspecify.annotations.NullMarked;
