package com.aimedia.gateway.storage;

/**
 * The reference to a stored output that a task keeps in place of a URL:
 * {@code gateway-output:<key>}. It is what provider-workers reports, what the
 * orchestrator stores in the task body and publishes on {@code tasks.changed}, and what
 * readers replace with a signed link when they render the task for a client
 * ({@link TaskBodyLinks}).
 */
public final class OutputRefs {

    public static final String PREFIX = "gateway-output:";

    private OutputRefs() {
    }

    public static String of(OutputKey key) {
        return PREFIX + key.value();
    }

}
