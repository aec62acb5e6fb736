/**
 * What every service's HTTP port shares: a limit on request bodies (size and read time)
 * applied before any controller, authentication included, sees the request.
 */
@NullMarked
package com.aimedia.gateway.platform.web;

import org.jspecify.annotations.NullMarked;
