package com.aimedia.gateway.workers.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.platform.retention.TaskRecordRetention;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Submission records go with their tenant's task-record retention, but never while an
 * attempt is in flight.
 */
class SubmissionRecordRetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");

    private static final TaskRecordRetention RETENTION = new TaskRecordRetention(Duration.ofDays(7),
            Map.of("keeps-all", Duration.ZERO), Duration.ofHours(1), 100);

    private final MongoServer mongo = new MongoServer(new MemoryBackend());

    private final MongoClient client = MongoClients.create(mongo.bindAndGetConnectionString());

    private final SubmissionStore store = store();

    @AfterEach
    void stop() {
        client.close();
        mongo.shutdownNow();
    }

    @Test
    void should_delete_settled_submissions_once_retention_has_ended_and_keep_attempts_in_flight() {
        // given
        store.claim("settled", "kling", "tenant-1", NOW);
        store.markFailed("settled", ErrorCode.CONTENT_POLICY, "refused", NOW);
        store.claim("in-flight", "kling", "tenant-1", NOW);
        store.claim("kept", "kling", "keeps-all", NOW);
        store.markFailed("kept", ErrorCode.CONTENT_POLICY, "refused", NOW);
        Instant end = NOW.plus(Duration.ofDays(7));

        // when
        List<String> early = store.findExpiredRecords(end.minusMillis(1), 10);
        List<String> due = store.findExpiredRecords(end, 10);
        long deleted = store.deleteExpiredRecords(due, end);
        long again = store.deleteExpiredRecords(due, end);

        // then
        assertThat(early).isEmpty();
        assertThat(due).containsExactly("settled");
        assertThat(deleted).isEqualTo(1);
        assertThat(again).as("a second replica deleting the same batch").isZero();
        assertThat(store.find("settled")).isEmpty();
        assertThat(store.find("in-flight")).isPresent();
        assertThat(store.find("kept")).isPresent();
    }

    private SubmissionStore store() {
        SubmissionStore created = new SubmissionStore(client.getDatabase("test"), "workers-this",
                Duration.ofSeconds(10), RETENTION);
        created.createIndexes();
        return created;
    }

}
