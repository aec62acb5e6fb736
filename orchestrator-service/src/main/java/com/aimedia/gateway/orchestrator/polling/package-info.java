@NullMarked
package com.aimedia.gateway.orchestrator.polling;

import org.jspecify.annotations.NullMarked;
