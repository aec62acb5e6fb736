/** The MiniMax (Hailuo video) adapter (docs/providers/minimax.md). */
@NullMarked
package com.aimedia.gateway.workers.provider.minimax;

import org.jspecify.annotations.NullMarked;
