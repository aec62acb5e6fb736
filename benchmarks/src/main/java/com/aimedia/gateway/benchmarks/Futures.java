package com.aimedia.gateway.benchmarks;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waits for a future and rethrows its failure unchecked: a failed benchmark step fails
 * the run.
 */
final class Futures {

    private Futures() {
    }

    static <T> T get(Future<T> future) {
        try {
            return future.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("benchmark step failed: " + e.getCause(), e.getCause());
        }
    }

}
