@NullMarked
package com.aimedia.gateway.callback.signing;

import org.jspecify.annotations.NullMarked;
