/** The Vidu API v2 adapter (providers.md section 7). */
@NullMarked
package com.aimedia.gateway.workers.provider.vidu;

import org.jspecify.annotations.NullMarked;
