package com.aimedia.gateway.workers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import com.aimedia.gateway.schemas.EventSerializer;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.PollRequested;
import com.aimedia.gateway.workers.provider.spi.FakeAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderRegistry;

/**
 * Shutdown waits for the provider call in flight, and its record is committed, before the
 * listeners report stopped.
 */
@EmbeddedKafka(partitions = 1,
        topics = { "tasks.submitted.kling", "tasks.poll.kling", "tasks.submitted.luma", "tasks.poll.luma" })
class ProviderListenersShutdownTest {

    @Test
    void should_finish_and_commit_the_record_in_hand_before_reporting_stopped(EmbeddedKafkaBroker broker)
            throws Exception {
        // given: a worker for two providers whose kling call is in flight (blocked until
        // released)
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ProviderListeners listeners = new ProviderListeners(
                new ProviderRegistry(List.of(new FakeAdapter("kling"), new FakeAdapter("luma"))),
                TestListenerFactories.recordAcked(broker), event -> {
                    inFlight.countDown();
                    waitFor(release);
                }, 1);
        listeners.start();
        publish(broker, Topics.poll("kling"));
        assertThat(inFlight.await(30, TimeUnit.SECONDS)).as("the kling call started").isTrue();

        // when: shutdown begins while the call runs
        AtomicBoolean stopped = new AtomicBoolean();
        listeners.stop(() -> stopped.set(true));

        // then: not stopped while the call runs; stopped, with the record committed, once
        // it returns
        assertThat(stopped).as("stopped while a provider call is in flight").isFalse();
        release.countDown();
        await().atMost(Duration.ofSeconds(30)).untilTrue(stopped);
        assertThat(committedOffset(broker, "workers-kling", Topics.poll("kling"))).isEqualTo(1);
        assertThat(listeners.isRunning()).isFalse();
    }

    private static void publish(EmbeddedKafkaBroker broker, String topic) throws Exception {
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), new StringSerializer(),
                new EventSerializer())) {
            producer
                .send(new ProducerRecord<>(topic, "task-1",
                        PollRequested.newBuilder()
                            .setEventId(UUID.randomUUID().toString())
                            .setTaskId("task-1")
                            .setOccurredAt(Instant.now())
                            .setProvider("kling")
                            .setProviderTaskId("pt-1")
                            .setAttempt(1)
                            .build()))
                .get();
        }
    }

    private static long committedOffset(EmbeddedKafkaBroker broker, String group, String topic) throws Exception {
        try (Admin admin = Admin
            .create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get()
                .get(new TopicPartition(topic, 0));
            return committed == null ? -1 : committed.offset();
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
