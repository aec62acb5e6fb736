package com.aimedia.gateway.schemas;

/**
 * The bytes of a record are not a gateway event; such a record belongs on the dead-letter
 * topic.
 */
public class UndecodableEventException extends RuntimeException {

    public UndecodableEventException(String message) {
        super(message);
    }

}
