/**
 * The Doubao Seedance adapter: VolcEngine Ark content generation tasks
 * (docs/providers/doubao.md).
 */
@NullMarked
package com.aimedia.gateway.workers.provider.doubao;

import org.jspecify.annotations.NullMarked;
