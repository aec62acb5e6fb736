package com.aimedia.gateway.simulators.luma;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.simulators.support.CallbackPoster;

/**
 * Luma's callbacks as documented (docs/providers/luma.md): the Generation JSON is POSTed
 * to {@code callback_url} on every state change ({@code dreaming}, {@code completed},
 * {@code failed}); a non-200 answer is retried 3 times with 100 ms between tries and a 5
 * s request timeout. Unsigned. Best effort, on a background thread.
 */
final class LumaCallbacks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LumaCallbacks.class);

    private static final int RETRIES = 3;

    private static final Duration RETRY_DELAY = Duration.ofMillis(100);

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "luma-simulator-callbacks");
        thread.setDaemon(true);
        return thread;
    });

    private final CallbackPoster poster = new CallbackPoster(TIMEOUT);

    /** Sends {@code body} (rendered when due) to {@code url} after {@code delay}. */
    void schedule(String url, Duration delay, Supplier<byte[]> body) {
        scheduler.schedule(() -> deliver(url, body.get(), 0), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void deliver(String url, byte[] body, int attempt) {
        int status;
        try {
            status = poster.post(url, body, TIMEOUT).statusCode();
        }
        catch (java.io.IOException | IllegalArgumentException e) {
            status = -1;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (status != 200 && attempt < RETRIES) {
            scheduler.schedule(() -> deliver(url, body, attempt + 1), RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
        else if (status != 200) {
            log.debug("luma simulator gave up a callback status={}", status);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

}
