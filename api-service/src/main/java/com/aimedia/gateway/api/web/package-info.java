/** One error shape for the whole API: RFC 9457 problem details with a stable code. */
@NullMarked
package com.aimedia.gateway.api.web;

import org.jspecify.annotations.NullMarked;
