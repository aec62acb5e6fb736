@NullMarked
package com.aimedia.gateway.platform.retention;

import org.jspecify.annotations.NullMarked;
