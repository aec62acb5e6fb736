/**
 * Plumbing every provider simulator shares (HTTP server lifecycle, response writing,
 * sample result files). Nothing here knows a provider's wire format: shapes, statuses,
 * errors and quirks stay in each provider's package.
 */
@NullMarked
package com.aimedia.gateway.simulators.support;

import org.jspecify.annotations.NullMarked;
