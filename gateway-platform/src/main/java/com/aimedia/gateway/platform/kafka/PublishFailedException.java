package com.aimedia.gateway.platform.kafka;

/**
 * An event was not acknowledged by Kafka (acks=all) in time; the caller must not report
 * success.
 */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }

}
