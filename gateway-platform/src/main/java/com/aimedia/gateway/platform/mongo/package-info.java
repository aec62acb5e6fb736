@NullMarked
package com.aimedia.gateway.platform.mongo;

import org.jspecify.annotations.NullMarked;
