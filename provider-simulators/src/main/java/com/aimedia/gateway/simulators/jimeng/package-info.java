/** A local simulator of the VolcEngine visual API as Jimeng uses it (providers.md section 8). */
@NullMarked
package com.aimedia.gateway.simulators.jimeng;

import org.jspecify.annotations.NullMarked;
