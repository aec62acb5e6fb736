package com.aimedia.gateway.api.quotas;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.api.quotas.GroupedWrites.Pending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupedWritesTest {

    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();

    /** The groups written, in order. */
    private final List<List<Integer>> groups = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        requests.shutdownNow();
    }

    @Test
    void should_write_an_item_at_once_when_the_writer_is_idle() {
        try (GroupedWrites<Integer, Integer> writes = new GroupedWrites<>("test-writes", this::doubleAll)) {
            assertThat(writes.write(21)).isEqualTo(42);
            assertThat(writes.write(5)).isEqualTo(10);
        }
        assertThat(groups).containsExactly(List.of(21), List.of(5));
    }

    @Test
    void should_hand_an_item_over_without_waiting_and_settle_its_outcome_once_written() throws Exception {
        // given: the write is held
        CountDownLatch release = new CountDownLatch(1);
        try (GroupedWrites<Integer, Integer> writes = new GroupedWrites<>("test-writes", group -> {
            await(release);
            doubleAll(group);
        })) {
            // when
            CompletableFuture<Integer> outcome = writes.submit(21);

            // then
            assertThat(outcome).isNotDone();
            release.countDown();
            assertThat(GroupedWrites.await(outcome.orTimeout(10, TimeUnit.SECONDS))).isEqualTo(42);
        }
    }

    @Test
    void should_write_what_arrived_during_a_write_together_in_the_next_one() throws Exception {
        // given: the first write is held until five more items wait
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (GroupedWrites<Integer, Integer> writes = new GroupedWrites<>("test-writes", group -> {
            if (groups.isEmpty()) {
                firstStarted.countDown();
                await(release);
            }
            doubleAll(group);
        })) {
            Future<Integer> first = requests.submit(() -> writes.write(0));
            assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<Integer>> next = List.of(1, 2, 3, 4, 5)
                .stream()
                .map(item -> requests.submit(() -> writes.write(item)))
                .toList();
            while (writes.queued() < 5) {
                Thread.onSpinWait();
            }

            // when
            release.countDown();

            // then: each request gets its own outcome
            assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
            for (int i = 0; i < next.size(); i++) {
                assertThat(next.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(2 * (i + 1));
            }
        }
        assertThat(groups).hasSize(2);
        assertThat(groups.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void should_fail_the_items_of_a_write_that_failed_or_left_them_unsettled() {
        try (GroupedWrites<Integer, Integer> writes = new GroupedWrites<>("test-writes", group -> {
            if (group.get(0).item() < 0) {
                throw new IllegalArgumentException("refused by the store");
            }
            // settles nothing
        })) {
            assertThatThrownBy(() -> writes.write(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refused by the store");
            assertThatThrownBy(() -> writes.write(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("settled no outcome");
        }
    }

    @Test
    void should_refuse_writes_once_closed() {
        GroupedWrites<Integer, Integer> writes = new GroupedWrites<>("test-writes", this::doubleAll);
        writes.close();

        assertThatThrownBy(() -> writes.write(1)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("shutting down");
    }

    private void doubleAll(List<Pending<Integer, Integer>> group) {
        groups.add(group.stream().map(Pending::item).toList());
        group.forEach(pending -> pending.succeed(pending.item() * 2));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
