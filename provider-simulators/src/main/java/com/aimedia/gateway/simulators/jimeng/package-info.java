/**
 * A local simulator of the VolcEngine visual API as Jimeng uses it
 * (docs/providers/jimeng.md).
 */
@NullMarked
package com.aimedia.gateway.simulators.jimeng;

import org.jspecify.annotations.NullMarked;
