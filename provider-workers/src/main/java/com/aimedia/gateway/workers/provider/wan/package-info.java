/** The Alibaba Wan adapter: DashScope asynchronous tasks (docs/providers/wan.md). */
@NullMarked
package com.aimedia.gateway.workers.provider.wan;

import org.jspecify.annotations.NullMarked;
