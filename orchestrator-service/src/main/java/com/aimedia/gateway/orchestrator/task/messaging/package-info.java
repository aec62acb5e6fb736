@NullMarked
package com.aimedia.gateway.orchestrator.task.messaging;

import org.jspecify.annotations.NullMarked;
