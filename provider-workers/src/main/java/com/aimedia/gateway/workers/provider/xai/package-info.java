/**
 * The xAI adapter: Grok image (synchronous) and Grok Imagine video (asynchronous)
 * (docs/providers/xai.md).
 */
@NullMarked
package com.aimedia.gateway.workers.provider.xai;

import org.jspecify.annotations.NullMarked;
