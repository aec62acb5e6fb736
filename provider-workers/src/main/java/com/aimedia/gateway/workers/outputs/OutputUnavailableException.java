package com.aimedia.gateway.workers.outputs;

/**
 * A provider output could not be fetched or stored; the message is safe to show (no URL,
 * no credential).
 */
public class OutputUnavailableException extends RuntimeException {

    public OutputUnavailableException(String message) {
        super(message);
    }

    public OutputUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

}
