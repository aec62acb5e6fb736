@NullMarked
package com.aimedia.gateway.callback;

import org.jspecify.annotations.NullMarked;
