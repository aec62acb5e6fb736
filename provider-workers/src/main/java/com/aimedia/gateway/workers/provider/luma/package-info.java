/** The Luma Dream Machine adapter (docs/providers/luma.md). */
@NullMarked
package com.aimedia.gateway.workers.provider.luma;

import org.jspecify.annotations.NullMarked;
