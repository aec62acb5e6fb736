/** A local simulator of the MiniMax (Hailuo) video API (providers.md section 6). */
@NullMarked
package com.aimedia.gateway.simulators.minimax;

import org.jspecify.annotations.NullMarked;
