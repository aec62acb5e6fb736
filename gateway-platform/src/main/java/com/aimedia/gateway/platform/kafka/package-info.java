@NullMarked
package com.aimedia.gateway.platform.kafka;

import org.jspecify.annotations.NullMarked;
