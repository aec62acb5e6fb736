package com.aimedia.gateway.workers.submission;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.core.ConsumerFactory;

import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.ProviderCallbackReceived;
import com.aimedia.gateway.schemas.v1.ReportedOutcome;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;

/**
 * What the workers published on {@code tasks.status} during a test, read by a consumer of
 * its own group: the status reports and the provider callbacks, kept as they arrive.
 */
final class StatusTopic implements AutoCloseable {

    private final Consumer<String, SpecificRecord> consumer;

    private final List<TaskStatusReported> reports = new CopyOnWriteArrayList<>();

    private final List<ProviderCallbackReceived> callbacks = new CopyOnWriteArrayList<>();

    StatusTopic(ConsumerFactory<String, SpecificRecord> consumers) {
        consumer = consumers.createConsumer("it-" + UUID.randomUUID(), "-status");
        consumer.subscribe(List.of(Topics.STATUS));
    }

    /** The task's first report with that outcome, waiting up to a minute for it. */
    TaskStatusReported awaitReport(String taskId, ReportedOutcome outcome) {
        await().atMost(Duration.ofSeconds(60)).until(() -> find(taskId, outcome).isPresent());
        return find(taskId, outcome).orElseThrow();
    }

    /** The task's first report with that outcome among those read so far. */
    Optional<TaskStatusReported> find(String taskId, ReportedOutcome outcome) {
        drain();
        return reports.stream().filter(r -> r.getTaskId().equals(taskId) && r.getOutcome() == outcome).findFirst();
    }

    List<TaskStatusReported> reports() {
        drain();
        return reports;
    }

    List<ProviderCallbackReceived> callbacks() {
        drain();
        return callbacks;
    }

    private void drain() {
        for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
            switch (record.value()) {
                case TaskStatusReported report -> reports.add(report);
                case ProviderCallbackReceived callback -> callbacks.add(callback);
                default -> throw new AssertionError("unexpected event on tasks.status: " + record.value());
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }

    static String newTaskId() {
        return "task_" + UUID.randomUUID().toString().replace("-", "");
    }

}
