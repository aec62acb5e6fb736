/**
 * A local simulator of the VolcEngine Ark video generation tasks API
 * (docs/providers/doubao.md).
 */
@NullMarked
package com.aimedia.gateway.simulators.doubao;

import org.jspecify.annotations.NullMarked;
