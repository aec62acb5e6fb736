package com.aimedia.gateway.simulators.support;

import java.time.Duration;

/**
 * The response delay knob of the simulators: sleeps, and on interrupt keeps the flag so
 * shutdown still works.
 */
public final class Pause {

    private Pause() {
    }

    public static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
