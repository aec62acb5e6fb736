package com.aimedia.gateway.orchestrator.task.messaging;

import com.aimedia.gateway.platform.kafka.PermanentFailure;

/** An event that can never be applied (a required field is missing): it goes to the dead-letter topic at once. */
class InvalidEventException extends RuntimeException implements PermanentFailure {

    InvalidEventException(String eventType, String field) {
        super(eventType + "." + field + " is missing or blank");
    }
}
