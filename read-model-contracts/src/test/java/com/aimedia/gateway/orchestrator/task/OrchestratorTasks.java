package com.aimedia.gateway.orchestrator.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Writes {@code tasks} documents exactly as the orchestrator does: its events applied by
 * its {@link TaskService} through its {@link TaskStore}. Public, so that the readers'
 * contract tests in other packages can use it.
 */
public final class OrchestratorTasks {

    /** When every task written here was created. */
    public static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");

    public static final String PROVIDER = "kling";

    private final TaskService service;

    public OrchestratorTasks(MongoDatabase database) {
        TaskStore store = new TaskStore(database);
        store.afterPropertiesSet();
        service = new TaskService(store, new TaskStateMachine(new Policy()), new Outbox(change -> {
        }, store), Clock.fixed(CREATED.plusSeconds(120), ZoneOffset.UTC),
                new TransitionRecorder(new SimpleMeterRegistry()));
    }

    /** A task accepted by the API: {@code queued}. */
    public void submit(String taskId, String tenantId, String model) {
        service.apply(new TaskEvent.Submitted(taskId, CREATED.plusMillis(20),
                new Submission(tenantId, model, PROVIDER, model + "-master", "https://example.com/hook", CREATED)));
    }

    /**
     * The provider accepted the task and finished it: {@code completed} with these
     * outputs, 60 s after creation.
     */
    public void complete(String taskId, List<String> outputs) {
        service.apply(new TaskEvent.Accepted(taskId, PROVIDER, CREATED.plusSeconds(2), "pt-" + taskId, "ref-1"));
        service.apply(new TaskEvent.Completed(taskId, PROVIDER, CREATED.plusSeconds(60), "pt-" + taskId, outputs));
    }

    /**
     * The provider accepted the task and reports it running this far along:
     * {@code in_progress}.
     */
    public void progress(String taskId, int progress) {
        service.apply(new TaskEvent.Accepted(taskId, PROVIDER, CREATED.plusSeconds(2), "pt-" + taskId, "ref-1"));
        service.apply(new TaskEvent.Progressed(taskId, PROVIDER, CREATED.plusSeconds(10), "pt-" + taskId, progress));
    }

    /** The provider refused the task: {@code failed}. */
    public void fail(String taskId, String errorCode, String message) {
        service.apply(new TaskEvent.Failed(taskId, PROVIDER, CREATED.plusSeconds(3), null, errorCode, message));
    }

    private record Policy() implements PollingPolicy {

        @Override
        public Duration firstPollDelay(String provider) {
            return Duration.ofSeconds(5);
        }

        @Override
        public Duration acceptanceCheckDelay(String provider) {
            return Duration.ofSeconds(20);
        }

        @Override
        public Duration deadline(String provider) {
            return Duration.ofMinutes(30);
        }
    }

}
