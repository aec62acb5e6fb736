/** The tenant-facing delivery log API: list, redeliver, recover. */
@NullMarked
package com.aimedia.gateway.callback.delivery.web;

import org.jspecify.annotations.NullMarked;
