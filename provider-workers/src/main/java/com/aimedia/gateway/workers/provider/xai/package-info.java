/** The xAI adapter: Grok image (synchronous) and Grok Imagine video (asynchronous) (providers.md section 12). */
@NullMarked
package com.aimedia.gateway.workers.provider.xai;

import org.jspecify.annotations.NullMarked;
