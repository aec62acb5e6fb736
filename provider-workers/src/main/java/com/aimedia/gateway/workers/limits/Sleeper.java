package com.aimedia.gateway.workers.limits;

import java.time.Duration;

/** Waits on the consumer thread; a seam so tests never sleep. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration);

    static Sleeper threadSleep() {
        return duration -> {
            try {
                Thread.sleep(duration);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

}
