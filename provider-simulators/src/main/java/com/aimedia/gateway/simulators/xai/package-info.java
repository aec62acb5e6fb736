/**
 * A local simulator of the xAI image and video generation API (docs/providers/xai.md).
 */
@NullMarked
package com.aimedia.gateway.simulators.xai;

import org.jspecify.annotations.NullMarked;
