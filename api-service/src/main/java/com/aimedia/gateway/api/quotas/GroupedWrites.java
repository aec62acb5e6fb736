package com.aimedia.gateway.api.quotas;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes that concurrent requests need, made together (group commit): a request hands its
 * item over and waits for its own outcome; one writer thread takes every item that
 * arrived while its previous write was running and writes them with one command. Nothing
 * waits for company: an item that finds the writer idle is written at once. Under load
 * the MongoDB round trips and store commits per request fall with the number of requests
 * in flight; each request still answers only after its own write was acknowledged.
 *
 * @param <I> what a request asks to write
 * @param <R> what it learns from the write
 */
final class GroupedWrites<I, R> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupedWrites.class);

    /** A bound on one command's size, far above any number of requests in flight. */
    static final int MAX_GROUP = 500;

    private final LinkedBlockingQueue<Pending<I, R>> queue = new LinkedBlockingQueue<>();

    private final Consumer<List<Pending<I, R>>> write;

    private final Thread writer;

    private volatile boolean closed;

    /**
     * @param name the writer thread's name
     * @param write writes a group and settles each of its items (an item left unsettled,
     * or every one when {@code write} throws, fails with that error)
     */
    GroupedWrites(String name, Consumer<List<Pending<I, R>>> write) {
        this.write = write;
        this.writer = Thread.ofVirtual().name(name).start(this::run);
    }

    /** One request's item and its outcome. */
    static final class Pending<I, R> {

        private final I item;

        private final CompletableFuture<R> outcome = new CompletableFuture<>();

        private Pending(I item) {
            this.item = item;
        }

        I item() {
            return item;
        }

        void succeed(R result) {
            outcome.complete(result);
        }

        void fail(RuntimeException error) {
            outcome.completeExceptionally(error);
        }

    }

    /**
     * Writes the item with whatever else is waiting; @return its outcome once written
     */
    R write(I item) {
        return await(submit(item));
    }

    /**
     * Hands the item over to be written with whatever else is waiting, without waiting
     * for it; @return its outcome, settled once written
     */
    CompletableFuture<R> submit(I item) {
        Pending<I, R> pending = new Pending<>(item);
        queue.add(pending);
        if (closed) {
            failAll(List.copyOf(queue), new IllegalStateException("shutting down: the write was not made"));
        }
        return pending.outcome;
    }

    /**
     * Waits for an outcome of {@link #submit}; @return it @throws the write's own error
     */
    static <R> R await(CompletableFuture<R> outcome) {
        try {
            return outcome.join();
        }
        catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Items waiting for the next write. */
    int queued() {
        return queue.size();
    }

    private void run() {
        List<Pending<I, R>> group = new ArrayList<>();
        while (!closed) {
            try {
                group.add(queue.take());
            }
            catch (InterruptedException e) {
                break;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            try {
                write.accept(group);
                failAll(group, new IllegalStateException("the grouped write settled no outcome for this item"));
            }
            catch (RuntimeException e) {
                failAll(group, e);
            }
            catch (Error e) {
                failAll(group, new IllegalStateException("the grouped write failed", e));
                log.error("grouped write failed", e);
            }
            group.clear();
        }
        List<Pending<I, R>> left = new ArrayList<>();
        queue.drainTo(left);
        failAll(left, new IllegalStateException("shutting down: the write was not made"));
    }

    /** Fails those of the items not settled yet. */
    private static <I, R> void failAll(List<Pending<I, R>> group, RuntimeException error) {
        group.forEach(pending -> pending.fail(error));
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
    }

}
