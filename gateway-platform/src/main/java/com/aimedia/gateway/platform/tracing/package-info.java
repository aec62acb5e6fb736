@NullMarked
package com.aimedia.gateway.platform.tracing;

import org.jspecify.annotations.NullMarked;
