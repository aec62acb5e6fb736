/** The Alibaba Wan adapter: DashScope asynchronous tasks (providers.md section 13). */
@NullMarked
package com.aimedia.gateway.workers.provider.wan;

import org.jspecify.annotations.NullMarked;
