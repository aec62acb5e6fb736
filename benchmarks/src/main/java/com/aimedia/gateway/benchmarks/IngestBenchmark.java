package com.aimedia.gateway.benchmarks;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import com.aimedia.gateway.schemas.EventDeserializer;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * Measurement 3: how fast the orchestrator turns waiting TaskSubmitted events into task
 * documents (and commits them), against a bare consumer that inserts each record into the
 * same MongoDB and commits after each poll. Both start with the same number of events
 * already in Kafka; both use three partitions.
 */
final class IngestBenchmark {

    static final String PROVIDER = "bench";

    private static final String BARE_TOPIC = "bench.bare.ingest";

    private static final String ORCHESTRATOR_GROUP = "orchestrator";

    private static final String ORCHESTRATOR_LISTENER = "orchestrator-submitted";

    private final Kafka kafka;

    private final MongoDatabase database;

    private final KafkaListenerEndpointRegistry orchestratorListeners;

    private final String tenant = "bench-" + UUID.randomUUID();

    IngestBenchmark(Kafka kafka, MongoDatabase database, KafkaListenerEndpointRegistry orchestratorListeners) {
        this.kafka = kafka;
        this.database = database;
        this.orchestratorListeners = orchestratorListeners;
    }

    record Rates(double orchestratorPerSecond, long orchestratorDocuments, double barePerSecond, long bareDocuments) {
    }

    /**
     * @param timeout how long the orchestrator may take for all events (it must finish:
     * its rate is exact)
     * @param bareFor how long the bare consumer runs at most (a per-record consumer can
     * be slow: its rate is what it inserted in that time)
     */
    Rates run(int events, Duration timeout, Duration bareFor) {
        double orchestrator = orchestrator(events, timeout);
        MongoCollection<Document> tasks = database.getCollection("tasks");
        long orchestratorDocuments = tasks.countDocuments(Filters.eq("tenant_id", tenant));
        // no worker serves the bench provider, so these tasks would be polled (submission
        // checks) for their whole
        // deadline: that load would fall on the measurements after this one
        tasks.updateMany(Filters.eq("tenant_id", tenant),
                Updates.combine(Updates.unset("next_poll_at"), Updates.unset("poll_token")));
        AtomicLong inserted = new AtomicLong();
        double bare = bare(events, bareFor, inserted);
        return new Rates(orchestrator, orchestratorDocuments, bare, inserted.get());
    }

    private double orchestrator(int events, Duration timeout) {
        String topic = "tasks.submitted." + PROVIDER;
        kafka.createTopic(topic, 3);
        MessageListenerContainer container = orchestratorListeners.getListenerContainer(ORCHESTRATOR_LISTENER);
        if (container == null) {
            throw new IllegalStateException("the orchestrator has no listener " + ORCHESTRATOR_LISTENER);
        }
        awaitUntil(timeout,
                () -> container.getAssignedPartitions() != null && container.getAssignedPartitions()
                    .stream()
                    .filter(partition -> partition.topic().equals(topic))
                    .count() == 3,
                "orchestrator subscribed");
        container.pause();
        awaitUntil(timeout, container::isContainerPaused, "orchestrator paused");
        kafka.produceSubmitted(topic, tenant, PROVIDER, events);
        long start = System.nanoTime();
        container.resume();
        awaitUntil(timeout, () -> kafka.lag(ORCHESTRATOR_GROUP, topic) == 0, "orchestrator caught up");
        return events / ((System.nanoTime() - start) / 1e9);
    }

    private double bare(int events, Duration timeout, AtomicLong inserted) {
        kafka.createTopic(BARE_TOPIC, 3);
        String tenant = "bare-" + UUID.randomUUID();
        kafka.produceSubmitted(BARE_TOPIC, tenant, PROVIDER, events);
        MongoCollection<Document> collection = database.getCollection("bench_bare_ingest");
        String group = "bench-bare-" + UUID.randomUUID();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new EventDeserializer())) {
            consumer.subscribe(List.of(BARE_TOPIC));
            long deadline = System.nanoTime() + timeout.toNanos();
            long start = 0;
            while (inserted.get() < events && System.nanoTime() < deadline) {
                ConsumerRecords<String, SpecificRecord> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                if (start == 0) {
                    start = System.nanoTime();
                }
                for (ConsumerRecord<String, SpecificRecord> record : records) {
                    collection.insertOne(document((TaskSubmitted) record.value()));
                    inserted.incrementAndGet();
                }
                consumer.commitSync();
            }
            return inserted.get() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static Document document(TaskSubmitted event) {
        return new Document("_id", event.getTaskId()).append("tenant_id", event.getTenantId())
            .append("model", event.getModel())
            .append("provider", event.getProvider())
            .append("provider_model", event.getProviderModel())
            .append("status", "queued")
            .append("version", 1L)
            .append("created_at", Date.from(event.getCreatedAt()));
    }

    static void awaitUntil(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for: " + what);
            }
            Kafka.sleep(Duration.ofMillis(50));
        }
    }

}
