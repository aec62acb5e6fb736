@NullMarked
package com.aimedia.gateway.callback.delivery;

import org.jspecify.annotations.NullMarked;
