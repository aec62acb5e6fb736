/** A local simulator of the VolcEngine Ark video generation tasks API (providers.md section 9). */
@NullMarked
package com.aimedia.gateway.simulators.doubao;

import org.jspecify.annotations.NullMarked;
