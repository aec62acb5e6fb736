/**
 * The Jimeng adapter: ByteDance Jimeng through the VolcEngine visual API
 * (docs/providers/jimeng.md).
 */
@NullMarked
package com.aimedia.gateway.workers.provider.jimeng;

import org.jspecify.annotations.NullMarked;
