/** The MiniMax (Hailuo video) adapter (providers.md section 6). */
@NullMarked
package com.aimedia.gateway.workers.provider.minimax;

import org.jspecify.annotations.NullMarked;
