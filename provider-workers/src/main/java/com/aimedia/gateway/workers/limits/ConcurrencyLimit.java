package com.aimedia.gateway.workers.limits;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code max} provider calls in flight; a caller waits a bounded time for a free
 * slot, first come first served.
 */
final class ConcurrencyLimit {

    private final Semaphore slots;

    ConcurrencyLimit(int max) {
        this.slots = new Semaphore(max, true);
    }

    /**
     * True when a slot was taken (release it after the call); false when none freed up
     * within {@code maxWait}.
     */
    boolean tryAcquire(Duration maxWait) {
        try {
            return slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void release() {
        slots.release();
    }

}
