/** A local simulator of Google Veo on the Gemini API and on Vertex AI (providers.md section 5). */
@NullMarked
package com.aimedia.gateway.simulators.veo;

import org.jspecify.annotations.NullMarked;
