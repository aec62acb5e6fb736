/** The Luma Dream Machine API simulator (docs/providers/luma.md). */
@NullMarked
package com.aimedia.gateway.simulators.luma;

import org.jspecify.annotations.NullMarked;
