package com.aimedia.gateway.callback.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.orchestrator.task.OrchestratorTasks;
import com.aimedia.gateway.testsupport.InMemoryMongo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * {@code tasks} as the orchestrator writes it, read by callback-service to tell a
 * tenant's task from a missing one.
 */
class DeliveryLogContractTest {

    private final InMemoryMongo mongo = InMemoryMongo.start();

    private final OrchestratorTasks orchestrator = new OrchestratorTasks(mongo.database());

    private final DeliveryLog log = new DeliveryLog(new DeliveryRepository(mongo.database()),
            new Endpoints(mongo.database(), Duration.ofDays(5), new CallbackMetrics(new SimpleMeterRegistry())),
            mongo.database(), Clock.fixed(OrchestratorTasks.CREATED, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void finds_the_tenants_task_without_deliveries_and_not_another_tenants() {
        orchestrator.submit("task_d", "tenant-a", "kling-v2");
        orchestrator.complete("task_d", List.of("https://cdn.example.com/d.mp4"));

        assertThat(log.list("tenant-a", "task_d")).hasValue(List.of());
        assertThat(log.list("tenant-b", "task_d")).isEmpty();
        assertThat(log.list("tenant-a", "task_unknown")).isEmpty();
    }

}
