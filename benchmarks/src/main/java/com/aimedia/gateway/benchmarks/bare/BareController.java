package com.aimedia.gateway.benchmarks.bare;

import static com.mongodb.client.model.Filters.eq;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.aimedia.gateway.platform.kafka.EventPublisher;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Submit: one TaskSubmitted of the same shape and size as the gateway's, produced to a
 * topic nobody consumes (so the baseline leaves no work behind) and acknowledged with
 * acks=all. GET: one findOne by id in {@code tasks}.
 */
@RestController
class BareController {

    static final String TOPIC = "bench.bare.submitted";

    private final EventPublisher publisher;

    private final MongoCollection<Document> tasks;

    private final Clock clock = Clock.systemUTC();

    BareController(EventPublisher publisher, MongoDatabase database) {
        this.publisher = publisher;
        this.tasks = database.getCollection("tasks");
    }

    @PostMapping(path = "/bare/submit", produces = MediaType.APPLICATION_JSON_VALUE)
    String submit(@RequestBody byte[] body) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String taskId = "task_" + UUID.randomUUID().toString().replace("-", "");
        publisher.publish(TOPIC,
                TaskSubmitted.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setTaskId(taskId)
                    .setOccurredAt(now)
                    .setTenantId("bench")
                    .setModel("flux-pro")
                    .setProvider("bfl")
                    .setProviderModel("flux-pro")
                    .setInput(new String(body, StandardCharsets.UTF_8))
                    .setCallbackUrl(null)
                    .setCreatedAt(now)
                    .build());
        return "{\"id\":\"" + taskId + "\",\"status\":\"queued\",\"created_at\":" + now.getEpochSecond() + "}";
    }

    @GetMapping(path = "/bare/task/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> get(@PathVariable String id) {
        Document task = tasks.find(eq("_id", id)).first();
        return task == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(task.getString("view"));
    }

}
