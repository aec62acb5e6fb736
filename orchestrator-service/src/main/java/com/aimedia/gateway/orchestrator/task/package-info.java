@NullMarked
package com.aimedia.gateway.orchestrator.task;

import org.jspecify.annotations.NullMarked;
