package com.aimedia.gateway.orchestrator.polling;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Handles a tick's due polls a few at a time, on virtual threads. Each poll waits for a
 * claim (a MongoDB write) and a request (a Kafka publish with acks=all); one after the
 * other, a tick of a full batch took a hundred of those round trips and the scheduler
 * fell behind when many polls fell due together. Claims are compare-and-set per task, so
 * polls of one tick may be handled in any order and at once.
 */
final class ParallelPolls {

    private ParallelPolls() {
    }

    /**
     * Runs {@code handle} once for each poll, at most {@code parallelism} at once. After
     * a failure (MongoDB or Kafka unreachable) no further poll is started: the failure is
     * thrown once the running ones ended, as a tick handling them one by one would have
     * thrown it.
     * @return for how many polls {@code handle} returned true
     */
    static <T> int handle(List<T> polls, int parallelism, Predicate<T> handle) {
        Queue<T> waiting = new ConcurrentLinkedQueue<>(polls);
        AtomicInteger handled = new AtomicInteger();
        AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();
        Runnable drain = () -> {
            T poll;
            while (failure.get() == null && (poll = waiting.poll()) != null) {
                try {
                    if (handle.test(poll)) {
                        handled.incrementAndGet();
                    }
                }
                catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        int threads = Math.min(parallelism, polls.size());
        if (threads <= 1) {
            drain.run();
        }
        else {
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < threads; i++) {
                    executor.execute(drain);
                }
            }
        }
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
        return handled.get();
    }

}
