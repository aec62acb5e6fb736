package com.aimedia.gateway.orchestrator.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * A tick's polls handled a few at once: each once, never more than the parallelism at the
 * same time, and a failure stops the tick as it would one by one.
 */
class ParallelPollsTest {

    private final Set<Integer> handled = ConcurrentHashMap.newKeySet();

    private final AtomicInteger running = new AtomicInteger();

    private final AtomicInteger mostAtOnce = new AtomicInteger();

    @Test
    void should_handle_each_poll_once_and_count_those_claimed() {
        // when: the even ones are claimed
        int claimed = ParallelPolls.handle(polls(100), 16, poll -> {
            assertThat(handled.add(poll)).isTrue();
            return poll % 2 == 0;
        });

        // then
        assertThat(handled).hasSize(100);
        assertThat(claimed).isEqualTo(50);
    }

    @Test
    void should_handle_the_parallelism_at_once_and_never_more() {
        // given: every poll waits until four are running together
        CountDownLatch fourRunning = new CountDownLatch(4);

        // when
        int claimed = ParallelPolls.handle(polls(40), 4, poll -> {
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            fourRunning.countDown();
            try {
                return fourRunning.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            finally {
                running.decrementAndGet();
            }
        });

        // then
        assertThat(claimed).isEqualTo(40);
        assertThat(mostAtOnce).hasValue(4);
    }

    @Test
    void should_start_no_poll_after_a_failure_and_throw_it() {
        // when: one at a time, the third fails
        assertThatThrownBy(() -> ParallelPolls.handle(polls(10), 1, poll -> {
            handled.add(poll);
            if (poll == 2) {
                throw new IllegalStateException("MongoDB unreachable");
            }
            return true;
        })).isInstanceOf(IllegalStateException.class).hasMessage("MongoDB unreachable");

        // then
        assertThat(handled).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void should_throw_a_failure_of_a_parallel_poll_once_the_others_ended() {
        // when
        assertThatThrownBy(() -> ParallelPolls.handle(polls(50), 8, poll -> {
            running.incrementAndGet();
            try {
                if (poll == 0) {
                    throw new IllegalStateException("Kafka did not acknowledge");
                }
                return true;
            }
            finally {
                running.decrementAndGet();
            }
        })).hasMessage("Kafka did not acknowledge");

        // then: nothing is still running when the tick ends
        assertThat(running).hasValue(0);
    }

    private static List<Integer> polls(int count) {
        return IntStream.range(0, count).boxed().toList();
    }

}
