/** The Jimeng adapter: ByteDance Jimeng through the VolcEngine visual API (providers.md section 8). */
@NullMarked
package com.aimedia.gateway.workers.provider.jimeng;

import org.jspecify.annotations.NullMarked;
