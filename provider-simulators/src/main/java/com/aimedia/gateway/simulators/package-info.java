/**
 * Local simulators that speak each provider's real HTTP API, including its failure modes.
 */
@NullMarked
package com.aimedia.gateway.simulators;

import org.jspecify.annotations.NullMarked;
