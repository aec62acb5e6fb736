package com.aimedia.gateway.callback.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.callback.WebhookReceiver;
import com.aimedia.gateway.callback.signing.SigningSecrets;
import com.aimedia.gateway.storage.LocalOutputLinks;
import com.aimedia.gateway.storage.StorageProperties;
import com.aimedia.gateway.storage.TaskBodyLinks;
import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.aimedia.gateway.testsupport.MutableClock;
import com.aimedia.gateway.urlguard.CallbackUrlGuard;
import com.aimedia.gateway.urlguard.HostResolver;
import com.mongodb.client.model.Filters;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Per-task version order of single attempts, against mongo-java-server and a real
 * loopback receiver.
 */
class DeliveryWorkerTest {

    private static final Duration LEASE = Duration.ofSeconds(60);

    private static final Duration RECHECK = Duration.ofMillis(200);

    private static final List<Duration> SCALED = List.of(Duration.ofMillis(200), Duration.ofMillis(400),
            Duration.ofMillis(800));

    private final InMemoryMongo mongo = InMemoryMongo.start();

    private final WebhookReceiver receiver = new WebhookReceiver("127.0.0.1");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private final DeliveryRepository repository = new DeliveryRepository(mongo.database());

    private final DeliveryRecorder recorder = new DeliveryRecorder(repository, clock, 256 * 1024);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final DeliveryWorker worker = new DeliveryWorker(repository,
            new CallbackUrlGuard(List.of("127.0.0.1/32"), HostResolver.system()),
            new WebhookSender(Duration.ofSeconds(1), Duration.ofSeconds(5), "test", 1024),
            new SigningSecrets(mongo.database(), clock),
            new RetryPolicy(List.of(Duration.ofSeconds(5)), 0.2, Duration.ofSeconds(30), clock, new Random(1)),
            new Endpoints(mongo.database(), Duration.ofDays(5), new CallbackMetrics(new SimpleMeterRegistry())),
            new CallbackMetrics(meters), clock, RECHECK, linksAt(clock));

    private static final String FILES_SECRET = "files-signing-secret-0123456789abcdef";

    private static TaskBodyLinks linksAt(java.time.Clock clock) {
        return new TaskBodyLinks(new LocalOutputLinks(java.net.URI.create("https://files.example.com"), FILES_SECRET),
                new StorageProperties.Links(Duration.ofDays(7), Duration.ofHours(1)), clock);
    }

    DeliveryWorkerTest() throws java.io.IOException {
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        mongo.close();
    }

    @Test
    void should_hold_back_a_version_when_an_older_version_of_the_task_is_being_sent() {
        // given: v1 is being sent (claimed) when v2 is claimed by another dispatcher
        recorder.record(delivery(1, "/order"));
        Delivery v1 = claim().orElseThrow();
        recorder.record(delivery(2, "/order"));
        Delivery v2 = claim().orElseThrow();

        // when
        worker.run(v2);

        // then: nothing sent, v2 waits and is due again shortly
        assertThat(receiver.received("/order")).isEmpty();
        Document stored = stored(2);
        assertThat(stored.getString("state")).isEqualTo("pending");
        assertThat(stored.getDate("next_attempt_at").toInstant()).isEqualTo(clock.instant().plus(RECHECK));
        assertThat(stored.getInteger("attempt_count")).isZero();

        // and when v1's attempt has ended, v2 goes out
        repository.finish(v1, new AttemptRecord(clock.instant(), 200, 5, null, null, ""), DeliveryState.DELIVERED, null,
                null, clock.instant());
        clock.advance(RECHECK);
        worker.run(claim().orElseThrow());
        assertThat(receiver.received("/order")).extracting(WebhookReceiver.Received::bodyText).containsExactly(body(2));
        assertThat(stored(2).getString("state")).isEqualTo("delivered");
    }

    @Test
    void should_send_output_links_signed_at_the_attempt_when_the_task_has_stored_outputs() {
        // given: a completed body with a stored output, first sent a day after completion
        String stored = "{\"id\":\"task_w\",\"status\":\"completed\",\"created_at\":1767225000,\"completed_at\":"
                + "1767225600,\"outputs\":[\"gateway-output:r30/task_w/0.mp4\"],\"version\":1,\"updated_at\":1767225600}";
        recorder.record(new NewDelivery("tenant-w", "task_w", 1, receiver.url("/links"), stored, new byte[0]));
        clock.advance(Duration.ofDays(1));

        // when
        worker.run(claim().orElseThrow());

        // then: the receiver gets what a GET returns at this moment, signed over exactly
        // those bytes
        String expected = linksAt(clock).render(stored);
        assertThat(expected).contains("https://files.example.com/files/r30/task_w/0.mp4?expires=");
        assertThat(receiver.received("/links")).extracting(WebhookReceiver.Received::bodyText)
            .containsExactly(expected);
    }

    @Test
    void should_supersede_instead_of_sending_when_a_newer_version_exists() {
        // given: v1 was claimed, then its dispatcher died; v2 was recorded meanwhile; the
        // lease expired
        recorder.record(delivery(1, "/stale"));
        claim().orElseThrow();
        recorder.record(delivery(2, "/stale"));
        clock.advance(LEASE.plusSeconds(1));
        repository.releaseExpiredLeases(clock.instant());
        Delivery first = claim().orElseThrow();
        Delivery second = claim().orElseThrow();
        Delivery v1 = first.version() == 1 ? first : second;
        assertThat(v1.version()).isEqualTo(1);

        // when
        worker.run(v1);

        // then
        assertThat(receiver.received("/stale")).isEmpty();
        assertThat(stored(1).getString("state")).isEqualTo("superseded");
    }

    @Test
    void should_record_the_attempt_and_schedule_a_retry_when_the_receiver_fails() {
        recorder.record(delivery(1, "/fail"));
        receiver.script("/fail", new WebhookReceiver.Answer(503, java.util.Map.of()));

        worker.run(claim().orElseThrow());

        Document stored = stored(1);
        assertThat(stored.getString("state")).isEqualTo("pending");
        assertThat(stored.getDate("next_attempt_at").toInstant()).isBetween(clock.instant().plusSeconds(4),
                clock.instant().plusSeconds(6));
        Document attempt = stored.getList("attempts", Document.class).getFirst();
        assertThat(attempt.getInteger("status")).isEqualTo(503);
        assertThat(attempt.getString("response_body")).isEqualTo("answer 503");
        assertThat(attempt.getDate("at").toInstant()).isEqualTo(clock.instant());
    }

    /**
     * The retry delays of the webhook scenarios (S5, scaled to 200 ms, 400 ms, 800 ms
     * with a 1 s overload floor), on the virtual clock: each retry is scheduled from the
     * attempt's time, whatever the machine's load.
     */
    @Test
    void should_schedule_each_retry_from_the_schedule_with_jitter_and_deliver_after_transient_errors() {
        DeliveryWorker scaled = workerWith(new RetryPolicy(SCALED, 0.2, Duration.ofSeconds(1), clock, new Random(7)));
        recorder.record(delivery(1, "/flaky"));
        receiver.script("/flaky", new WebhookReceiver.Answer(500, java.util.Map.of()),
                new WebhookReceiver.Answer(500, java.util.Map.of()),
                new WebhookReceiver.Answer(500, java.util.Map.of()));

        for (Duration scheduled : SCALED) {
            scaled.run(claim().orElseThrow());

            Instant due = stored(1).getDate("next_attempt_at").toInstant();
            assertThat(Duration.between(clock.instant(), due)).isBetween(scaled(scheduled, 0.8),
                    scaled(scheduled, 1.2));
            assertThat(claim()).as("not due before its time").isEmpty();
            clock.advance(Duration.between(clock.instant(), due));
        }
        scaled.run(claim().orElseThrow());

        assertThat(stored(1).getString("state")).isEqualTo("delivered");
        assertThat(stored(1).getList("attempts", Document.class)).extracting(attempt -> attempt.getInteger("status"))
            .containsExactly(500, 500, 500, 200);
    }

    @Test
    void should_honour_retry_after_within_the_clamp_and_wait_the_overload_floor_after_429() {
        DeliveryWorker scaled = workerWith(new RetryPolicy(SCALED, 0.2, Duration.ofSeconds(1), clock, new Random(7)));
        recorder.record(new NewDelivery("tenant-w", "task_a", 1, receiver.url("/retry-after"), body(1), new byte[0]));
        recorder.record(new NewDelivery("tenant-w", "task_t", 1, receiver.url("/throttled"), body(1), new byte[0]));
        receiver.script("/retry-after", new WebhookReceiver.Answer(503, java.util.Map.of("Retry-After", "1")));
        receiver.script("/throttled", new WebhookReceiver.Answer(429, java.util.Map.of()));

        scaled.run(claim().orElseThrow());
        scaled.run(claim().orElseThrow());

        // Retry-After 1 s asks for more than 200 ms: honoured within the clamp [200 ms,
        // 400 ms]
        assertThat(Duration.between(clock.instant(), nextAttempt("task_a"))).isEqualTo(Duration.ofMillis(400));
        // 429 gets the overload floor (1 s), not the 200 ms schedule entry
        assertThat(Duration.between(clock.instant(), nextAttempt("task_t"))).isBetween(Duration.ofSeconds(1),
                Duration.ofMillis(1200));
    }

    @Test
    void should_measure_the_webhook_stage_from_recording_to_the_receivers_2xx_when_delivered() {
        recorder.record(delivery(1, "/ok"));
        clock.advance(Duration.ofSeconds(3));

        worker.run(claim().orElseThrow());

        assertThat(stored(1).getString("state")).isEqualTo("delivered");
        io.micrometer.core.instrument.Timer stage = meters.find(CallbackMetrics.TASK_STAGE)
            .tags(CallbackMetrics.STAGE, "webhook")
            .timer();
        assertThat(stage).isNotNull();
        assertThat(stage.count()).isEqualTo(1);
        assertThat(stage.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(3000);
    }

    @Test
    void should_not_measure_the_webhook_stage_when_the_receiver_fails() {
        recorder.record(delivery(1, "/fail"));
        receiver.script("/fail", new WebhookReceiver.Answer(503, java.util.Map.of()));

        worker.run(claim().orElseThrow());

        assertThat(meters.find(CallbackMetrics.TASK_STAGE).timer()).isNull();
    }

    private DeliveryWorker workerWith(RetryPolicy policy) {
        return new DeliveryWorker(repository, new CallbackUrlGuard(List.of("127.0.0.1/32"), HostResolver.system()),
                new WebhookSender(Duration.ofSeconds(1), Duration.ofSeconds(5), "test", 1024),
                new SigningSecrets(mongo.database(), clock), policy,
                new Endpoints(mongo.database(), Duration.ofDays(5), new CallbackMetrics(new SimpleMeterRegistry())),
                new CallbackMetrics(meters), clock, RECHECK, linksAt(clock));
    }

    private static Duration scaled(Duration duration, double factor) {
        return Duration.ofNanos(Math.round(duration.toNanos() * factor));
    }

    private Instant nextAttempt(String taskId) {
        return mongo.database()
            .getCollection(DeliveryRepository.COLLECTION)
            .find(Filters.eq("_id", taskId + ":1"))
            .first()
            .getDate("next_attempt_at")
            .toInstant();
    }

    private java.util.Optional<Delivery> claim() {
        return repository.claimNext(clock.instant(), clock.instant().plus(LEASE), Set.of());
    }

    private Document stored(long version) {
        return mongo.database()
            .getCollection(DeliveryRepository.COLLECTION)
            .find(Filters.eq("_id", "task_w:" + version))
            .first();
    }

    private NewDelivery delivery(long version, String path) {
        return new NewDelivery("tenant-w", "task_w", version, receiver.url(path), body(version), new byte[0]);
    }

    private static String body(long version) {
        return "{\"id\":\"task_w\",\"version\":" + version + "}";
    }

}
