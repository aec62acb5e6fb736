@NullMarked
package com.aimedia.gateway.orchestrator;

import org.jspecify.annotations.NullMarked;
