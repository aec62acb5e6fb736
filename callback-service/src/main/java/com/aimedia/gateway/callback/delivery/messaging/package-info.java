@NullMarked
package com.aimedia.gateway.callback.delivery.messaging;

import org.jspecify.annotations.NullMarked;
