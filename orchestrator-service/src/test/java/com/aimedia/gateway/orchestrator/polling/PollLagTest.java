package com.aimedia.gateway.orchestrator.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.orchestrator.OrchestratorMetrics;
import com.aimedia.gateway.orchestrator.task.TaskDocuments;
import com.aimedia.gateway.orchestrator.task.TaskStore;
import com.aimedia.gateway.testsupport.InMemoryMongo;

import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The poll lag gauge: how late the oldest due poll of a tick was, read from the batch the
 * scheduler found in MongoDB.
 */
class PollLagTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private final InMemoryMongo mongo = InMemoryMongo.start();

    private final TaskStore store = new TaskStore(mongo.database("lag"));

    private final PollClaims claims = new PollClaims(store);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final PollLag lag = new PollLag(registry);

    @BeforeEach
    void indexes() {
        store.afterPropertiesSet();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void should_report_how_late_the_oldest_due_poll_is_when_polls_wait() {
        // given: two due polls, 7.5 s and 2 s late, and one not due yet
        store.collection()
            .insertMany(List.of(task("late", NOW.minusSeconds(2)), task("oldest", NOW.minusMillis(7_500)),
                    task("future", NOW.plusSeconds(30))));

        // when
        lag.observe(NOW, claims.findDue(NOW, 10));

        // then
        assertThat(seconds()).isEqualTo(7.5);
    }

    @Test
    void should_report_zero_when_nothing_is_due() {
        // given: a lag seen at an earlier tick
        store.collection().insertOne(task("future", NOW.plusSeconds(30)));
        lag.observe(NOW, List.of(new PollClaims.DuePoll("t", "luma", NOW.minusSeconds(4), 0, null, true, true)));

        // when
        lag.observe(NOW, claims.findDue(NOW, 10));

        // then
        assertThat(seconds()).isZero();
    }

    private double seconds() {
        return registry.get(OrchestratorMetrics.POLL_LAG).timeGauge().value(TimeUnit.SECONDS);
    }

    private static Document task(String id, Instant nextPollAt) {
        return new Document("_id", id).append(TaskDocuments.PROVIDER, "luma")
            .append(TaskDocuments.STATUS, "in_progress")
            .append(TaskDocuments.NEXT_POLL_AT, Date.from(nextPollAt))
            .append(TaskDocuments.POLL_TOKEN, TaskDocuments.pollToken(id, nextPollAt))
            .append(TaskDocuments.POLL_ATTEMPTS, 0);
    }

}
