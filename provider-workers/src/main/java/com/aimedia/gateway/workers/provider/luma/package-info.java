/** The Luma Dream Machine adapter (providers.md section 2). */
@NullMarked
package com.aimedia.gateway.workers.provider.luma;

import org.jspecify.annotations.NullMarked;
