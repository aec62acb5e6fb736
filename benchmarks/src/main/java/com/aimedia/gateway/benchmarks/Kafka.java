package com.aimedia.gateway.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.aimedia.gateway.schemas.CloudEventHeaders;
import com.aimedia.gateway.schemas.EventDeserializer;
import com.aimedia.gateway.schemas.EventSerializer;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.TaskStatus;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;

/**
 * The harness's own Kafka tools: topics, a fast producer of TaskSubmitted events, and
 * consumer-group lag.
 */
final class Kafka implements AutoCloseable {

    private final String bootstrapServers;

    private final Admin admin;

    Kafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    void createTopic(String topic, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Produces TaskSubmitted events like api-service's (acks=all, idempotent, same
     * headers), as fast as it can.
     */
    void produceSubmitted(String topic, String tenant, String provider, int count) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        produce(topic, count,
                i -> TaskSubmitted.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setTaskId("task_bench" + UUID.randomUUID().toString().replace("-", ""))
                    .setOccurredAt(now)
                    .setTenantId(tenant)
                    .setModel("bench-model")
                    .setProvider(provider)
                    .setProviderModel("bench-model")
                    .setInput("{\"prompt\":\"a red fox in the snow, benchmark task " + i + "\"}")
                    .setCallbackUrl(null)
                    .setCreatedAt(now)
                    .build());
    }

    /**
     * Produces terminal TaskStatusChanged events like the orchestrator's, each for a new
     * task of {@code tenant} with a webhook to {@code callbackUrl(i)}.
     */
    void produceCompleted(String tenant, int count, IntFunction<String> callbackUrl) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        produce(Topics.CHANGED, count, i -> {
            String taskId = "task_fanout" + UUID.randomUUID().toString().replace("-", "");
            String body = "{\"id\":\"" + taskId + "\",\"model\":\"bench-model\",\"status\":\"completed\",\"version\":3,"
                    + "\"outputs\":[\"https://example.invalid/" + i + ".mp4\"]}";
            return TaskStatusChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTaskId(taskId)
                .setOccurredAt(now)
                .setTenantId(tenant)
                .setModel("bench-model")
                .setProvider("bench")
                .setVersion(3)
                .setStatus(TaskStatus.COMPLETED)
                .setCreatedAt(now)
                .setUpdatedAt(now)
                .setCompletedAt(now)
                .setOutputs(List.of("https://example.invalid/" + i + ".mp4"))
                .setError(null)
                .setErrorCode(null)
                .setCallbackUrl(callbackUrl.apply(i))
                .setBody(body)
                .build();
        });
    }

    /**
     * Produces {@code count} copies of a TaskSubmitted event as api-service wrote it,
     * each with a new task id and event id.
     */
    void produceCopies(String topic, TaskSubmitted template, int count) {
        produce(topic, count,
                i -> TaskSubmitted.newBuilder(template)
                    .setEventId(UUID.randomUUID().toString())
                    .setTaskId("task_scale" + UUID.randomUUID().toString().replace("-", ""))
                    .build());
    }

    /** The TaskSubmitted event of one task, read from the start of its topic. */
    TaskSubmitted readSubmitted(String topic, String taskId, Duration timeout) {
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
                        "bench-read-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new EventDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() instanceof TaskSubmitted submitted && submitted.getTaskId().equals(taskId)) {
                        return submitted;
                    }
                }
            }
        }
        throw new IllegalStateException("no TaskSubmitted of " + taskId + " on " + topic);
    }

    private void produce(String topic, int count, IntFunction<SpecificRecord> event) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // one request in flight: on a saturated machine, retried requests otherwise hit
        // out-of-order sequences
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 60_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000);
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config, new StringSerializer(),
                new EventSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(CloudEventHeaders.record(topic, event.apply(i), "/gateway/benchmarks"));
            }
            producer.flush();
        }
    }

    /** How many records were ever written to the topic (its partitions' end offsets). */
    long records(String topic) {
        try {
            return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<TopicPartition, Long> endOffsets(String topic) throws ExecutionException, InterruptedException {
        // describeTopics fails (instead of leaving it out) for a topic that does not
        // exist
        Set<TopicPartition> partitions = Objects
            .requireNonNull(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic))
            .partitions()
            .stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
            .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        // listOffsets answers for every partition asked
        return partitions.stream()
            .collect(Collectors.toMap(partition -> partition,
                    partition -> Objects.requireNonNull(ends.get(partition)).offset()));
    }

    /** How many records of the topic the group has not committed yet. */
    long lag(String group, String topic) {
        try {
            Map<TopicPartition, Long> ends = endOffsets(topic);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                OffsetAndMetadata offset = committed.get(end.getKey());
                lag += end.getValue() - (offset == null ? 0 : offset.offset());
            }
            return lag;
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the lag of " + group, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }

}
