/** The Doubao Seedance adapter: VolcEngine Ark content generation tasks (providers.md section 9). */
@NullMarked
package com.aimedia.gateway.workers.provider.doubao;

import org.jspecify.annotations.NullMarked;
