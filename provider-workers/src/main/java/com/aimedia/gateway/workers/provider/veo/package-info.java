/**
 * The Google Veo adapter: Gemini API long-running operations, Vertex AI as a second
 * endpoint (docs/providers/veo.md).
 */
@NullMarked
package com.aimedia.gateway.workers.provider.veo;

import org.jspecify.annotations.NullMarked;
