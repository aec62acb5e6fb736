/**
 * A local simulator of Google Veo on the Gemini API and on Vertex AI
 * (docs/providers/veo.md).
 */
@NullMarked
package com.aimedia.gateway.simulators.veo;

import org.jspecify.annotations.NullMarked;
