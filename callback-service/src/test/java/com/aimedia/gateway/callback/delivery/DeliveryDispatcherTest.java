package com.aimedia.gateway.callback.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.callback.WebhookReceiver;
import com.aimedia.gateway.callback.signing.SigningSecrets;
import com.aimedia.gateway.platform.retention.TaskRecordRetention;
import com.aimedia.gateway.storage.OutputLinks;
import com.aimedia.gateway.storage.StorageProperties;
import com.aimedia.gateway.storage.TaskBodyLinks;
import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.aimedia.gateway.testsupport.MutableClock;
import com.aimedia.gateway.urlguard.CallbackUrlGuard;
import com.aimedia.gateway.urlguard.CheckedUrl;
import com.aimedia.gateway.urlguard.HostResolver;
import com.mongodb.client.model.Filters;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * One slow receiver holds at most max-per-host attempts and never delays another host.
 */
class DeliveryDispatcherTest {

    private final InMemoryMongo mongo = InMemoryMongo.start();

    private final WebhookReceiver receiver = new WebhookReceiver("127.0.0.1");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private final DeliveryRepository repository = new DeliveryRepository(mongo.database());

    private final DeliveryRecorder recorder = new DeliveryRecorder(repository, clock, 256 * 1024);

    private final CountDownLatch slowReceiver = new CountDownLatch(1);

    private final DeliveryDispatcher dispatcher;

    private DeliveryDispatcher idle;

    DeliveryDispatcherTest() throws java.io.IOException {
        dispatcher = dispatcher(Duration.ofMillis(20));
    }

    private DeliveryDispatcher dispatcher(Duration tick) {
        // "localhost" is the slow host, "127.0.0.1" the fast one: two destination hosts
        // on one receiver
        CallbackUrlGuard guard = new CallbackUrlGuard(List.of("127.0.0.1/32", "::1/128"), HostResolver.system());
        DeliveryWorker worker = new DeliveryWorker(repository, guard,
                new WebhookSender(Duration.ofSeconds(1), Duration.ofSeconds(10), "test", 1024),
                new SigningSecrets(mongo.database(), clock),
                new RetryPolicy(List.of(Duration.ofSeconds(5)), 0.2, Duration.ofSeconds(30), clock, new Random(1)),
                new Endpoints(mongo.database(), Duration.ofDays(5), new CallbackMetrics(new SimpleMeterRegistry())),
                new CallbackMetrics(new SimpleMeterRegistry()), clock, Duration.ofMillis(100),
                new TaskBodyLinks(new OutputLinks.Unavailable(),
                        new StorageProperties.Links(Duration.ofDays(7), Duration.ofHours(1)), clock));
        DeadLetterRelay deadLetters = new DeadLetterRelay(repository, abandoned -> {
        }, new CallbackMetrics(new SimpleMeterRegistry()), clock);
        return new DeliveryDispatcher(repository, worker, deadLetters, new CallbackMetrics(new SimpleMeterRegistry()),
                clock, new CallbackProperties.Dispatch(tick, Duration.ofSeconds(60), 8, 2, Duration.ofSeconds(5)),
                Duration.ofSeconds(1));
    }

    @AfterEach
    void tearDown() {
        slowReceiver.countDown();
        dispatcher.stop();
        if (idle != null) {
            idle.stop();
        }
        receiver.close();
        mongo.close();
    }

    @Test
    void should_deliver_every_new_delivery_to_one_host_between_ticks_when_recording_and_ended_attempts_nudge() {
        // given: a dispatcher whose next tick is an hour away, and 2 attempts per host
        idle = dispatcher(Duration.ofHours(1));
        idle.start();
        DeliveryRecorder nudging = new DeliveryRecorder(repository, clock, 256 * 1024,
                TaskRecordRetention.keepForever(), idle::nudge);

        // when
        for (int task = 0; task < 6; task++) {
            nudging.record(new NewDelivery("tenant-n", "task_nudged_" + task, 1, receiver.url("/nudged"),
                    "{\"n\":" + task + "}", new byte[0]));
        }

        // then: all six, though only two may be in flight at a time and no tick came
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received("/nudged").size() == 6);
    }

    @Test
    void should_deliver_to_a_fast_host_when_a_slow_host_has_many_deliveries_in_flight() {
        // given
        receiver.hold("/slow", slowReceiver);
        String slowUrl = receiver.url("/slow").replace("127.0.0.1", "localhost");
        CheckedUrl checked = new CallbackUrlGuard(List.of("127.0.0.1/32", "::1/128"), HostResolver.system())
            .check(slowUrl);
        assertThat(checked.host()).isEqualTo("localhost");
        for (int task = 0; task < 5; task++) {
            recorder.record(
                    new NewDelivery("tenant-d", "task_slow_" + task, 1, slowUrl, "{\"n\":" + task + "}", new byte[0]));
        }
        recorder
            .record(new NewDelivery("tenant-d", "task_fast", 1, receiver.url("/fast"), "{\"fast\":true}", new byte[0]));

        // when
        dispatcher.start();

        // then: the fast host is served while the slow host holds exactly its two slots
        await().atMost(Duration.ofSeconds(10))
            .until(() -> receiver.received("/fast").size() == 1 && receiver.received("/slow").size() == 2);
        var deliveries = mongo.database().getCollection(DeliveryRepository.COLLECTION);
        assertThat(
                deliveries.countDocuments(Filters.and(Filters.eq("host", "localhost"), Filters.eq("state", "sending"))))
            .isEqualTo(2);
        assertThat(
                deliveries.countDocuments(Filters.and(Filters.eq("host", "localhost"), Filters.eq("state", "pending"))))
            .isEqualTo(3);
        assertThat(receiver.received("/slow")).hasSize(2);

        // and once the slow host answers, the rest of its deliveries follow
        slowReceiver.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received("/slow").size() == 5);
    }

}
