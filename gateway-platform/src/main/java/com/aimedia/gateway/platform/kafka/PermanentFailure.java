package com.aimedia.gateway.platform.kafka;

/**
 * Marks an exception that retrying cannot cure (bad data, a refused request). A listener
 * that throws one sends its record straight to the dead-letter topic instead of retrying.
 */
public interface PermanentFailure {

}
