package com.aimedia.gateway.orchestrator.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import com.aimedia.gateway.orchestrator.task.StoreQueries;
import com.aimedia.gateway.orchestrator.task.TaskDocuments;
import com.aimedia.gateway.orchestrator.task.TaskStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * The scheduler's and the outbox relay's range queries on a real MongoDB, with the
 * indexes {@link TaskStore} creates: MongoDB's profiler records the plan each query ran
 * with, and none may be a collection scan (mongo-java-server, the embedded default,
 * cannot tell: it has no query planner). Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class TaskQueryPlansIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Test
    void should_answer_the_scheduler_and_relay_queries_from_indexes_when_many_tasks_are_in_flight() {
        try (MongoClient client = MongoClients.create(MONGO.getReplicaSetUrl("plans"))) {
            assertPlansUseIndexes(client.getDatabase("plans"));
        }
    }

    private static void assertPlansUseIndexes(MongoDatabase database) {
        // given: 500 tasks, a few of them due and a few with outbox entries, then the
        // profiler on
        TaskStore store = new TaskStore(database);
        store.afterPropertiesSet();
        List<Document> tasks = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Instant nextPollAt = NOW.plusSeconds(i - 5);
            Document task = new Document("_id", "t" + i).append(TaskDocuments.PROVIDER, "kling")
                .append(TaskDocuments.STATUS, "in_progress")
                .append(TaskDocuments.NEXT_POLL_AT, Date.from(nextPollAt))
                .append(TaskDocuments.POLL_TOKEN, TaskDocuments.pollToken("t" + i, nextPollAt));
            if (i % 100 == 0) {
                task.append(TaskDocuments.OUTBOX_SINCE, Date.from(NOW.minusSeconds(60)));
            }
            tasks.add(task);
        }
        store.collection().insertMany(tasks);
        database.runCommand(new Document("profile", 2));

        // when: one tick's find (and its backlog count), one relay run
        PollClaims claims = new PollClaims(store);
        List<PollClaims.DuePoll> due = claims.findDue(NOW, 3);
        claims.countDue(NOW);
        StoreQueries.relayQueries(store, NOW.minusSeconds(10), 100);
        database.runCommand(new Document("profile", 0));

        // then
        List<String> plans = database.getCollection("system.profile")
            .find(Filters.and(Filters.eq("ns", "plans." + TaskStore.COLLECTION), Filters.exists("planSummary")))
            .map(entry -> entry.getString("planSummary"))
            .into(new ArrayList<>());
        assertThat(due).hasSize(3);
        assertThat(plans).hasSizeGreaterThanOrEqualTo(4).noneMatch(plan -> plan.contains("COLLSCAN"));
        assertThat(plans).anyMatch(plan -> plan.contains("next_poll_at"))
            .anyMatch(plan -> plan.contains("outbox_since"));
    }

}
