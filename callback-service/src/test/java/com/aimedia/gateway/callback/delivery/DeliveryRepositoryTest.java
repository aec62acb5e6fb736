package com.aimedia.gateway.callback.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.aimedia.gateway.testsupport.MutableClock;
import com.aimedia.gateway.testsupport.ScanRecordingBackend;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/** Recording, claiming, leases and per-task order against mongo-java-server. */
class DeliveryRepositoryTest {

    private static final Duration LEASE = Duration.ofSeconds(60);

    private final ScanRecordingBackend backend = new ScanRecordingBackend();

    private final InMemoryMongo mongo = InMemoryMongo.start(backend);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private final DeliveryRepository repository = new DeliveryRepository(mongo.database());

    private final DeliveryRecorder recorder = new DeliveryRecorder(repository, clock, 256 * 1024);

    private final MongoCollection<Document> deliveries = mongo.database().getCollection(DeliveryRepository.COLLECTION);

    DeliveryRepositoryTest() {
        repository.createIndexes();
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void should_store_one_pending_delivery_with_a_stable_webhook_id_when_recorded_twice() {
        // when
        recorder.record(delivery("task_1", 1, "https://a.example/hook"));
        recorder.record(delivery("task_1", 1, "https://a.example/hook"));

        // then
        List<Document> stored = deliveries.find().into(new java.util.ArrayList<>());
        assertThat(stored).hasSize(1);
        Document document = stored.getFirst();
        assertThat(document.getString("_id")).isEqualTo("task_1:1");
        assertThat(document.getString("state")).isEqualTo("pending");
        assertThat(document.getString("body")).isEqualTo(body("task_1", 1));
        assertThat(document.getString("webhook_id")).isEqualTo(WebhookIds.of("task_1", 1))
            .startsWith("msg_")
            .doesNotContain(".");
        assertThat(WebhookIds.of("task_1", 2)).isNotEqualTo(WebhookIds.of("task_1", 1));
        assertThat(document.getString("host")).isEqualTo("a.example");
        assertThat(document.getInteger("attempt_count")).isZero();
    }

    @Test
    void should_supersede_waiting_older_versions_when_a_newer_version_is_recorded() {
        recorder.record(delivery("task_1", 1, "https://a.example/hook"));
        recorder.record(delivery("task_1", 2, "https://a.example/hook"));

        recorder.record(delivery("task_1", 3, "https://a.example/hook"));

        assertThat(state("task_1:1")).isEqualTo("superseded");
        assertThat(state("task_1:2")).isEqualTo("superseded");
        assertThat(state("task_1:3")).isEqualTo("pending");
    }

    @Test
    void should_record_an_older_version_as_superseded_when_a_newer_one_exists() {
        recorder.record(delivery("task_1", 2, "https://a.example/hook"));

        recorder.record(delivery("task_1", 1, "https://a.example/hook"));

        assertThat(state("task_1:1")).isEqualTo("superseded");
        assertThat(state("task_1:2")).isEqualTo("pending");
    }

    @Test
    void should_let_only_one_dispatcher_claim_a_delivery() {
        recorder.record(delivery("task_1", 1, "https://a.example/hook"));
        Instant now = clock.instant();

        Optional<Delivery> first = repository.claimNext(now, now.plus(LEASE), Set.of());
        Optional<Delivery> second = repository.claimNext(now, now.plus(LEASE), Set.of());

        assertThat(first).isPresent();
        assertThat(first.get().attemptNumber()).isEqualTo(1);
        assertThat(second).isEmpty();
        assertThat(state("task_1:1")).isEqualTo("sending");
    }

    @Test
    void should_not_claim_when_the_delivery_is_not_due_or_its_host_is_busy() {
        recorder.record(delivery("task_1", 1, "https://busy.example/hook"));
        Instant now = clock.instant();

        assertThat(repository.claimNext(now.minusMillis(1), now.plus(LEASE), Set.of())).isEmpty();
        assertThat(repository.claimNext(now, now.plus(LEASE), Set.of("busy.example"))).isEmpty();
        assertThat(repository.claimNext(now, now.plus(LEASE), Set.of("other.example"))).isPresent();
    }

    @Test
    void should_keep_a_renewed_lease_and_release_only_the_one_whose_holder_stopped_renewing() {
        // given: two attempts in flight; the holder of the first is alive and renews, the
        // second's died
        recorder.record(delivery("task_1", 1, "https://a.example/hook"));
        recorder.record(delivery("task_2", 1, "https://b.example/hook"));
        Instant now = clock.instant();
        Delivery live = repository.claimNext(now, now.plus(LEASE), Set.of()).orElseThrow();
        repository.claimNext(now, now.plus(LEASE), Set.of()).orElseThrow();

        // when
        Instant renewedAt = now.plus(LEASE).minusSeconds(1);
        backend.clear();
        long renewed = repository.renewLeases(List.of(live.leaseToken(), "token-of-nobody"), renewedAt.plus(LEASE),
                renewedAt);
        var renewScans = backend.scansOf(DeliveryRepository.COLLECTION);
        long released = repository.releaseExpiredLeases(now.plus(LEASE).plusSeconds(1));

        // then: and the holder's writes find the delivery by its lease token, from an
        // index
        assertThat(renewed).isEqualTo(1);
        assertThat(released).isEqualTo(1);
        assertThat(state(live.id())).isEqualTo("sending");
        backend.clear();
        assertThat(repository.finish(live, attempt(renewedAt, 200), DeliveryState.DELIVERED, null, null, renewedAt))
            .isTrue();
        assertThat(renewScans).isEmpty();
        assertThat(backend.scansOf(DeliveryRepository.COLLECTION)).isEmpty();
        assertThat(deliveries.find(Filters.eq("_id", live.id())).first()).doesNotContainKey("lease_token");
    }

    @Test
    void should_return_a_delivery_to_pending_when_its_lease_expires_and_ignore_the_old_holder() {
        // given: claimed, then the dispatcher dies
        recorder.record(delivery("task_1", 1, "https://a.example/hook"));
        Instant now = clock.instant();
        Delivery lost = repository.claimNext(now, now.plus(LEASE), Set.of()).orElseThrow();

        // when
        assertThat(repository.releaseExpiredLeases(now.plus(LEASE).minusSeconds(1))).isZero();
        long released = repository.releaseExpiredLeases(now.plus(LEASE).plusSeconds(1));

        // then: pending again, claimable, and the old holder can no longer change it
        assertThat(released).isEqualTo(1);
        assertThat(state("task_1:1")).isEqualTo("pending");
        Instant later = now.plus(LEASE).plusSeconds(1);
        Delivery reclaimed = repository.claimNext(later, later.plus(LEASE), Set.of()).orElseThrow();
        assertThat(repository.finish(lost, attempt(later, 200), DeliveryState.DELIVERED, null, null, later)).isFalse();
        assertThat(repository.finish(reclaimed, attempt(later, 200), DeliveryState.DELIVERED, null, null, later))
            .isTrue();
        Document stored = deliveries.find(Filters.eq("_id", "task_1:1")).first();
        assertThat(stored.getString("state")).isEqualTo("delivered");
        assertThat(stored.getInteger("attempt_count")).isEqualTo(1);
        assertThat(stored.getList("attempts", Document.class)).singleElement()
            .satisfies(entry -> assertThat(entry.getInteger("status")).isEqualTo(200));
    }

    @Test
    void should_see_an_older_version_sending_when_a_newer_one_is_claimed() {
        recorder.record(delivery("task_1", 1, "https://a.example/hook"));
        Instant now = clock.instant();
        repository.claimNext(now, now.plus(LEASE), Set.of()).orElseThrow();

        assertThat(repository.olderVersionSending("task_1", 2)).isTrue();
        assertThat(repository.olderVersionSending("task_1", 1)).isFalse();
        assertThat(repository.newerVersionExists("task_1", 0)).isTrue();
        assertThat(repository.newerVersionExists("task_1", 1)).isFalse();
    }

    private String state(String id) {
        return deliveries.find(Filters.eq("_id", id)).first().getString("state");
    }

    private static AttemptRecord attempt(Instant at, int status) {
        return new AttemptRecord(at, status, 12, null, null, "ok");
    }

    private static NewDelivery delivery(String taskId, long version, String url) {
        return new NewDelivery("tenant-a", taskId, version, url, body(taskId, version), new byte[0]);
    }

    private static String body(String taskId, long version) {
        return "{\"id\":\"" + taskId + "\",\"status\":\"queued\",\"version\":" + version + "}";
    }

}
