/** The Kling AI adapter (docs/providers/kling.md). */
@NullMarked
package com.aimedia.gateway.workers.provider.kling;

import org.jspecify.annotations.NullMarked;
