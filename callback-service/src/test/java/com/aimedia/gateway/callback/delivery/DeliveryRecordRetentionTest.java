package com.aimedia.gateway.callback.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.aimedia.gateway.testsupport.MutableClock;
import com.aimedia.gateway.platform.retention.RecordSweeper;
import com.aimedia.gateway.platform.retention.TaskRecordRetention;
import com.mongodb.client.model.Filters;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Deliveries go with their tenant's task-record retention, but only settled ones: never a
 * delivery still pending or being sent, or given up with its dead letter not yet
 * published.
 */
class DeliveryRecordRetentionTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static final TaskRecordRetention RETENTION = new TaskRecordRetention(Duration.ofDays(7),
            Map.of("keeps-all", Duration.ZERO), Duration.ofHours(1), 1);

    private final InMemoryMongo mongo = InMemoryMongo.start();

    private final MutableClock clock = new MutableClock(NOW);

    private final DeliveryRepository repository = new DeliveryRepository(mongo.database());

    private final DeliveryRecorder recorder = new DeliveryRecorder(repository, clock, 256 * 1024, RETENTION, () -> {
    });

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    DeliveryRecordRetentionTest() {
        repository.createIndexes();
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void should_delete_settled_deliveries_once_retention_has_ended_and_keep_the_ones_with_work_left() {
        // given: two delivered, one still pending, one of a tenant whose records are kept
        recorder.record(delivery("tenant-1", "task_a", 1));
        recorder.record(delivery("tenant-1", "task_b", 1));
        recorder.record(delivery("tenant-1", "task_pending", 1));
        recorder.record(delivery("keeps-all", "task_kept", 1));
        deliverAllBut("task_pending");
        RecordSweeper sweeper = new RecordSweeper(DeliveryRepository.COLLECTION,
                new RecordSweeper.ExpiredRecords(repository::findExpiredRecords, repository::deleteExpiredRecords),
                RETENTION, clock, registry);

        // when: a millisecond early, then at the end of retention (batches of one)
        clock.advance(Duration.ofDays(7).minusMillis(1));
        long early = sweeper.sweep();
        clock.advance(Duration.ofMillis(1));
        long due = sweeper.sweep();

        // then
        assertThat(early).isZero();
        assertThat(due).isEqualTo(2);
        assertThat(ids()).containsExactlyInAnyOrder("task_pending:1", "task_kept:1");
        assertThat(registry.counter(RecordSweeper.DELETED, "collection", "deliveries").count()).isEqualTo(2);
    }

    /**
     * Delivers every due delivery except that task's, which is put back to wait a day.
     */
    private void deliverAllBut(String pendingTaskId) {
        for (var claimed = repository.claimNext(NOW, NOW.plusSeconds(60), Set.of()); claimed
            .isPresent(); claimed = repository.claimNext(NOW, NOW.plusSeconds(60), Set.of())) {
            if (claimed.get().taskId().equals(pendingTaskId)) {
                repository.release(claimed.get(), NOW.plus(Duration.ofDays(1)), NOW);
            }
            else {
                repository.finish(claimed.get(), new AttemptRecord(NOW, 200, 12, null, null, "ok"),
                        DeliveryState.DELIVERED, null, null, NOW);
            }
        }
    }

    private List<String> ids() {
        return mongo.database()
            .getCollection(DeliveryRepository.COLLECTION)
            .find(Filters.empty())
            .map(document -> document.getString("_id"))
            .into(new java.util.ArrayList<>());
    }

    private static NewDelivery delivery(String tenantId, String taskId, long version) {
        return new NewDelivery(tenantId, taskId, version, "https://a.example/hook", "{\"id\":\"" + taskId + "\"}",
                new byte[0]);
    }

}
