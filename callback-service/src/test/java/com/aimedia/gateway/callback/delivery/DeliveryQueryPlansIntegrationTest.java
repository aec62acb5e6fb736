package com.aimedia.gateway.callback.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import com.aimedia.gateway.testsupport.MutableClock;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * The deliveries' range queries (recording a newer version, claiming the most overdue
 * delivery, releasing expired leases, counting the backlog) on a real MongoDB with the
 * indexes {@link DeliveryRepository} creates: MongoDB's profiler records the plan each
 * ran with, and none may be a collection scan. Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class DeliveryQueryPlansIntegrationTest {

    private static final Duration LEASE = Duration.ofSeconds(60);

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Test
    void should_answer_the_recording_and_claiming_queries_from_indexes_when_many_deliveries_are_stored() {
        try (MongoClient client = MongoClients.create(MONGO.getReplicaSetUrl("plans"))) {
            assertPlansUseIndexes(client.getDatabase("plans"));
        }
    }

    private static void assertPlansUseIndexes(MongoDatabase database) {
        // given: 300 deliveries of 100 tasks, then the profiler on
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
        DeliveryRepository repository = new DeliveryRepository(database);
        repository.createIndexes();
        DeliveryRecorder recorder = new DeliveryRecorder(repository, clock, 256 * 1024);
        for (int task = 0; task < 100; task++) {
            for (int version = 1; version <= 3; version++) {
                recorder.record(new NewDelivery("tenant-a", "task_" + task, version, "https://a.example/hook",
                        "{\"version\":" + version + "}", new byte[0]));
            }
        }
        database.runCommand(new Document("profile", 2));

        // when: a newer version is recorded, one claim, one lease sweep, one backlog
        // count
        recorder
            .record(new NewDelivery("tenant-a", "task_1", 4, "https://a.example/hook", "{\"version\":4}", new byte[0]));
        Instant now = clock.instant();
        repository.claimNext(now, now.plus(LEASE), Set.of("busy.example"));
        repository.releaseExpiredLeases(now);
        repository.countPending();
        database.runCommand(new Document("profile", 0));

        // then
        List<String> plans = database.getCollection("system.profile")
            .find(Filters.and(Filters.eq("ns", "plans." + DeliveryRepository.COLLECTION),
                    Filters.exists("planSummary")))
            .map(entry -> entry.getString("planSummary"))
            .into(new ArrayList<>());
        assertThat(plans).hasSizeGreaterThanOrEqualTo(4).noneMatch(plan -> plan.contains("COLLSCAN"));
        assertThat(plans).anyMatch(plan -> plan.contains("task_id")).anyMatch(plan -> plan.contains("next_attempt_at"));
    }

}
