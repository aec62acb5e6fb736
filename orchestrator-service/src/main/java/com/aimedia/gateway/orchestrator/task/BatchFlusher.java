package com.aimedia.gateway.orchestrator.task;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Publishes what a batch wrote while the listener goes on with the next batch: the publishing and the removal of
 * published entries of batch n overlap the read and the writes of batch n+1, instead of adding to the time of every
 * batch. Nothing of the guarantees rests on the publishing: the versions are in the task documents' outboxes before
 * the batch's offsets are committed, the relay publishes whatever a crash or a failed publish left there, and
 * publishing a version twice is allowed.
 *
 * <p>One thread publishes the batches in the order they were written, so a task's versions keep their order. The
 * queue holds a few batches: when it is full the listener waits, so the publishing never falls further behind than
 * that. The relay leaves the tasks of queued batches alone ({@link #holds}): under load a queued batch can be older
 * than the relay's {@code relay-after}, and the relay would publish its versions a second time, one task at a time.
 */
public final class BatchFlusher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BatchFlusher.class);
    private static final int QUEUED_BATCHES = 2;

    private final Outbox outbox;
    private final @Nullable ThreadPoolExecutor executor;
    private final Set<String> inHand = ConcurrentHashMap.newKeySet();

    private BatchFlusher(Outbox outbox, @Nullable ThreadPoolExecutor executor) {
        this.outbox = outbox;
        this.executor = executor;
    }

    /** Publishes on its own thread. */
    static BatchFlusher async(Outbox outbox) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_BATCHES), runnable -> {
                    Thread thread = new Thread(runnable, "outbox-flusher");
                    thread.setDaemon(true);
                    return thread;
                }, BatchFlusher::waitForRoom);
        return new BatchFlusher(outbox, executor);
    }

    /** Publishes on the caller's thread before returning (tests, and tools that need the publishing done). */
    static BatchFlusher direct(Outbox outbox) {
        return new BatchFlusher(outbox, null);
    }

    void flush(List<StoredTask> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        ThreadPoolExecutor flusher = executor;
        if (flusher == null) {
            outbox.flushAll(tasks);
            return;
        }
        List<String> taskIds = tasks.stream().map(task -> task.state().taskId()).toList();
        inHand.addAll(taskIds);
        try {
            flusher.execute(() -> {
                try {
                    outbox.flushAll(tasks);
                }
                catch (RuntimeException e) {
                    // written and still in the outboxes: the relay publishes them
                    log.warn("batch flush failed, left to the outbox relay tasks={} error={}", tasks.size(),
                            e.toString());
                }
                finally {
                    taskIds.forEach(inHand::remove);
                }
            });
        }
        catch (RejectedExecutionException e) {
            taskIds.forEach(inHand::remove);
            throw e;
        }
    }

    /** Whether a queued or running flush of this process will publish the task's pending versions. */
    boolean holds(String taskId) {
        return inHand.contains(taskId);
    }

    private static void waitForRoom(Runnable flush, ThreadPoolExecutor executor) {
        if (executor.isShutdown()) {
            throw new RejectedExecutionException("shutting down: left to the outbox relay");
        }
        try {
            executor.getQueue().put(flush);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("interrupted: left to the outbox relay", e);
        }
    }

    /** Publishes what is queued (the producer is still open: this bean depends on it), within a few seconds. */
    @Override
    public void destroy() throws InterruptedException {
        ThreadPoolExecutor flusher = executor;
        if (flusher != null) {
            flusher.shutdown();
            if (!flusher.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("outbox flushes still running at shutdown: left to the outbox relay");
            }
        }
    }
}
