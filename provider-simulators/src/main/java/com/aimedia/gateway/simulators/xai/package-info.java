/** A local simulator of the xAI image and video generation API (providers.md section 12). */
@NullMarked
package com.aimedia.gateway.simulators.xai;

import org.jspecify.annotations.NullMarked;
