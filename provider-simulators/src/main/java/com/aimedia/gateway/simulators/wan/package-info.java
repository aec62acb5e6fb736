/** A local simulator of the Alibaba DashScope asynchronous Wan API (providers.md section 13). */
@NullMarked
package com.aimedia.gateway.simulators.wan;

import org.jspecify.annotations.NullMarked;
