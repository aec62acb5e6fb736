/** The Luma Dream Machine API simulator (providers.md section 2). */
@NullMarked
package com.aimedia.gateway.simulators.luma;

import org.jspecify.annotations.NullMarked;
