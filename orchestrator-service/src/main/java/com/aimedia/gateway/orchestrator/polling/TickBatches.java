package com.aimedia.gateway.orchestrator.polling;

import java.util.function.Supplier;

/**
 * The batches of one tick: after a batch that came back full (more polls are due) and
 * claimed something, the tick takes the next at once instead of waiting for the next
 * tick, up to {@link #MAX_PER_TICK} batches, so a backlog of due polls drains at the pace
 * of MongoDB and Kafka rather than one batch per tick, and a tick still gives its thread
 * back after a bounded time. A full batch that claimed nothing (another replica was
 * faster) ends the tick.
 */
final class TickBatches {

    /** Batches of one tick at most: 1,000 polls with the default batch size. */
    static final int MAX_PER_TICK = 10;

    private TickBatches() {
    }

    /** What one batch found due and claimed. */
    record Batch(int found, int claimed) {
    }

    /**
     * @param batchSize the most a batch holds
     * @param nextBatch finds and handles the next batch
     * @return how many polls the tick claimed
     */
    static int run(int batchSize, Supplier<Batch> nextBatch) {
        int claimed = 0;
        for (int batches = 1; batches <= MAX_PER_TICK; batches++) {
            Batch batch = nextBatch.get();
            claimed += batch.claimed();
            if (batch.found() < batchSize || batch.claimed() == 0) {
                break;
            }
        }
        return claimed;
    }

}
