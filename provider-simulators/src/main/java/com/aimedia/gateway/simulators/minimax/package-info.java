/** A local simulator of the MiniMax (Hailuo) video API (docs/providers/minimax.md). */
@NullMarked
package com.aimedia.gateway.simulators.minimax;

import org.jspecify.annotations.NullMarked;
