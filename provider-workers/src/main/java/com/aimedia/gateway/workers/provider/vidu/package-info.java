/** The Vidu API v2 adapter (docs/providers/vidu.md). */
@NullMarked
package com.aimedia.gateway.workers.provider.vidu;

import org.jspecify.annotations.NullMarked;
