package com.aimedia.gateway.orchestrator.task.messaging;

import com.aimedia.gateway.platform.kafka.PermanentFailure;

/**
 * An event that can never be applied (a required field is missing, or a type the topic
 * does not carry): it goes to the dead-letter topic at once.
 */
class InvalidEventException extends RuntimeException implements PermanentFailure {

    InvalidEventException(String eventType, String field) {
        this(eventType + "." + field + " is missing or blank");
    }

    private InvalidEventException(String message) {
        super(message);
    }

    static InvalidEventException unexpectedType(String eventType, String topic) {
        return new InvalidEventException(eventType + " is not an event of " + topic);
    }

}
