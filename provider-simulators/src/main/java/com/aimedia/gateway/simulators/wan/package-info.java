/**
 * A local simulator of the Alibaba DashScope asynchronous Wan API
 * (docs/providers/wan.md).
 */
@NullMarked
package com.aimedia.gateway.simulators.wan;

import org.jspecify.annotations.NullMarked;
