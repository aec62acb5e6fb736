package com.aimedia.gateway.workers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
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
 * A provider's tasks on different partitions are handled side by side: one task's
 * provider call does not hold up the next.
 */
@EmbeddedKafka(partitions = 3, topics = { "tasks.submitted.luma", "tasks.poll.luma", "tasks.cancel" })
class ProviderListenersConcurrencyTest {

    @Test
    void should_handle_two_tasks_of_one_provider_at_the_same_time(EmbeddedKafkaBroker broker) throws Exception {
        // given: a handler that only returns once both tasks' handling has started, so
        // that handling them one after the other never lets the first one see the second
        CountDownLatch bothStarted = new CountDownLatch(2);
        ConcurrentLinkedQueue<Boolean> sawTheOther = new ConcurrentLinkedQueue<>();
        ProviderListeners listeners = new ProviderListeners(new ProviderRegistry(List.of(new FakeAdapter("luma"))),
                TestListenerFactories.recordAcked(broker), event -> {
                    bothStarted.countDown();
                    sawTheOther.add(awaitQuietly(bothStarted));
                }, 3);
        listeners.start();
        try {
            awaitThreeConsumersWithPartitions(broker);

            // when: two polls of luma tasks on two partitions
            publish(broker, Topics.poll("luma"), 0, "task-1");
            publish(broker, Topics.poll("luma"), 1, "task-2");

            // then: each handling saw the other one start while it was still running
            assertThat(bothStarted.await(60, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(60)).until(() -> sawTheOther.size() == 2);
            assertThat(sawTheOther).containsExactly(true, true);
        }
        finally {
            listeners.stop();
        }
    }

    /**
     * Until the group settled: a consumer that joins alone first takes every partition,
     * and would take both tasks, until the rebalance that the other two cause. The group
     * holds three consumers of the submissions and three of the polls and cancels.
     */
    private static void awaitThreeConsumersWithPartitions(EmbeddedKafkaBroker broker) {
        try (Admin admin = Admin
            .create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("workers-luma"))
                    .describedGroups()
                    .get("workers-luma")
                    .get();
                assertThat(group.groupState()).isEqualTo(GroupState.STABLE);
                assertThat(group.members()).hasSize(6)
                    .allSatisfy(member -> assertThat(member.assignment().topicPartitions()).isNotEmpty());
                assertThat(group.members())
                    .filteredOn(member -> member.assignment()
                        .topicPartitions()
                        .stream()
                        .anyMatch(partition -> partition.topic().equals(Topics.poll("luma"))))
                    .hasSize(3);
            });
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(20, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void publish(EmbeddedKafkaBroker broker, String topic, int partition, String taskId)
            throws Exception {
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), new StringSerializer(),
                new EventSerializer())) {
            producer
                .send(new ProducerRecord<>(topic, partition, taskId,
                        PollRequested.newBuilder()
                            .setEventId(UUID.randomUUID().toString())
                            .setTaskId(taskId)
                            .setOccurredAt(Instant.now())
                            .setProvider("luma")
                            .setProviderTaskId("pt-" + taskId)
                            .setAttempt(1)
                            .build()))
                .get();
        }
    }

}
