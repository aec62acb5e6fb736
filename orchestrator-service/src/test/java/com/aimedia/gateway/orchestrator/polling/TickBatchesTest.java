package com.aimedia.gateway.orchestrator.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.orchestrator.polling.TickBatches.Batch;

class TickBatchesTest {

    private static final int BATCH_SIZE = 100;

    private int batchesRun;

    @Test
    void should_take_the_next_batch_at_once_while_batches_come_back_full() {
        // when: 250 polls due
        int claimed = TickBatches.run(BATCH_SIZE, batches(new Batch(100, 100), new Batch(100, 100), new Batch(50, 50)));

        // then
        assertThat(claimed).isEqualTo(250);
        assertThat(batchesRun).isEqualTo(3);
    }

    @Test
    void should_end_the_tick_after_a_short_batch_or_a_full_one_another_replica_claimed() {
        // when
        int shortFirst = TickBatches.run(BATCH_SIZE, batches(new Batch(40, 40), new Batch(100, 100)));
        int runAfterShort = batchesRun;
        batchesRun = 0;
        int claimedElsewhere = TickBatches.run(BATCH_SIZE, batches(new Batch(100, 0), new Batch(100, 100)));

        // then
        assertThat(shortFirst).isEqualTo(40);
        assertThat(runAfterShort).isEqualTo(1);
        assertThat(claimedElsewhere).isZero();
        assertThat(batchesRun).isEqualTo(1);
    }

    @Test
    void should_give_the_thread_back_after_the_most_batches_of_a_tick() {
        // when: an endless backlog
        int claimed = TickBatches.run(BATCH_SIZE, () -> {
            batchesRun++;
            return new Batch(100, 100);
        });

        // then
        assertThat(batchesRun).isEqualTo(TickBatches.MAX_PER_TICK);
        assertThat(claimed).isEqualTo(TickBatches.MAX_PER_TICK * 100);
    }

    private Supplier<Batch> batches(Batch... batches) {
        Deque<Batch> left = new ArrayDeque<>(List.of(batches));
        return () -> {
            batchesRun++;
            return left.removeFirst();
        };
    }

}
