package com.aimedia.gateway.workers.submission;

import com.aimedia.gateway.workers.provider.spi.FakeAdapter;

import com.aimedia.gateway.workers.urls.ProviderCallbackUrls;
import com.aimedia.gateway.workers.outputs.PassThroughOutputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.schemas.v1.ReportedOutcome;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;
import com.aimedia.gateway.workers.provider.spi.Capability;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderRegistry;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.RateLimited;
import com.aimedia.gateway.workers.provider.spi.Submission;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** The at-most-once rules of DESIGN.md section 5, with an in-memory MongoDB and a scripted provider. */
class SubmissionServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);

    private MongoServer mongo;
    private MongoClient client;
    private MongoCollection<Document> submissions;
    private final ScriptedAdapter adapter = new ScriptedAdapter();
    private final List<TaskStatusReported> reports = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private SubmissionService service;

    @BeforeEach
    void start() {
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        submissions = client.getDatabase("test").getCollection("submissions");
        service = new SubmissionService(new ProviderAdapterLookup(new ProviderRegistry(List.of(adapter))),
                new SubmissionStore(client.getDatabase("test")), reports::add, new ProviderCalls(meters, TestGuards.defaults(CLOCK, meters)),
                JsonMapper.builder().build(), CLOCK, new SubmissionProperties(3, Duration.ofSeconds(1)),
                new RetryDelay(Duration.ofSeconds(1), () -> 0.5), sleeps::add, new PassThroughOutputs(),
                ProviderCallbackUrls.disabled());
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.shutdownNow();
    }

    @Test
    void should_record_attempt_and_report_accepted_when_provider_accepts() {
        adapter.submits.add(() -> Submission.accepted("p-1", "text2video"));

        service.on(event("task_1"));

        assertThat(state("task_1")).isEqualTo("accepted");
        assertThat(submissions.find(new Document("_id", "task_1")).first().getString("provider_task_id")).isEqualTo("p-1");
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.getOutcome()).isEqualTo(ReportedOutcome.ACCEPTED);
            assertThat(r.getProviderTaskId()).isEqualTo("p-1");
            assertThat(r.getProviderRef()).isEqualTo("text2video");
        });
        assertThat(meters.get(WorkerMetrics.PROVIDER_REQUESTS).tag(WorkerMetrics.TAG_OUTCOME, "success").timer().count())
            .isEqualTo(1);
    }

    @Test
    void should_not_submit_again_and_re_report_when_task_submitted_twice() {
        adapter.submits.add(() -> Submission.accepted("p-1", "text2video"));
        service.on(event("task_1"));

        service.on(event("task_1"));

        assertThat(adapter.submitCalls).isEqualTo(1);
        assertThat(reports).hasSize(2).allMatch(r -> r.getOutcome() == ReportedOutcome.ACCEPTED
                && r.getProviderTaskId().equals("p-1"));
    }

    @Test
    void should_report_failed_and_never_retry_when_provider_refuses_permanently() {
        adapter.submits.add(() -> { throw new ContentRejected("The provider rejected the prompt under its content policy."); });

        service.on(event("task_1"));
        service.on(event("task_1"));

        assertThat(adapter.submitCalls).isEqualTo(1);
        assertThat(state("task_1")).isEqualTo("failed");
        assertThat(reports).hasSize(2).allMatch(r -> r.getOutcome() == ReportedOutcome.FAILED
                && r.getErrorCode().equals("content_policy"));
    }

    @Test
    void should_reset_wait_and_rethrow_then_submit_again_when_rate_limited() {
        adapter.submits.add(() -> { throw new RateLimited("busy", Duration.ofSeconds(10)); });
        adapter.submits.add(() -> Submission.accepted("p-2", "text2video"));

        assertThatThrownBy(() -> service.on(event("task_1"))).isInstanceOf(RateLimited.class);
        assertThat(state("task_1")).isEqualTo("not_submitted");
        service.on(event("task_1"));

        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(adapter.recoverCalls).isZero();
        assertThat(adapter.submitCalls).isEqualTo(2);
        assertThat(reports).singleElement().extracting(TaskStatusReported::getProviderTaskId).isEqualTo("p-2");
    }

    @Test
    void should_report_failed_rate_limited_when_attempts_run_out() {
        for (int i = 0; i < 3; i++) {
            adapter.submits.add(() -> { throw new RateLimited("busy", null); });
        }

        assertThatThrownBy(() -> service.on(event("task_1"))).isInstanceOf(RateLimited.class);
        assertThatThrownBy(() -> service.on(event("task_1"))).isInstanceOf(RateLimited.class);
        service.on(event("task_1"));

        assertThat(state("task_1")).isEqualTo("failed");
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.getOutcome()).isEqualTo(ReportedOutcome.FAILED);
            assertThat(r.getErrorCode()).isEqualTo("rate_limited");
            assertThat(r.getErrorMessage()).contains("gave up after 3 attempts");
        });
    }

    @Test
    void should_look_up_instead_of_submitting_again_when_outcome_unknown() {
        adapter.submits.add(() -> { throw new ProviderUnavailable("The provider failed with a server error."); });
        adapter.recovers.add(() -> Optional.of(Submission.accepted("p-3", "text2video")));

        assertThatThrownBy(() -> service.on(event("task_1"))).isInstanceOf(ProviderUnavailable.class);
        assertThat(state("task_1")).isEqualTo("submitting");
        service.on(event("task_1"));

        assertThat(adapter.submitCalls).isEqualTo(1);
        assertThat(adapter.recoverCalls).isEqualTo(1);
        assertThat(reports).singleElement().extracting(TaskStatusReported::getProviderTaskId).isEqualTo("p-3");
    }

    @Test
    void should_submit_again_when_lookup_proves_provider_has_no_task() {
        adapter.submits.add(() -> { throw new ProviderUnavailable("down"); });
        adapter.recovers.add(Optional::empty);
        adapter.submits.add(() -> Submission.accepted("p-4", "text2video"));

        assertThatThrownBy(() -> service.on(event("task_1"))).isInstanceOf(ProviderUnavailable.class);
        service.on(event("task_1"));

        assertThat(adapter.submitCalls).isEqualTo(2);
        assertThat(reports).singleElement().extracting(TaskStatusReported::getProviderTaskId).isEqualTo("p-4");
    }

    @Test
    void should_report_submission_uncertain_when_provider_cannot_look_tasks_up() {
        adapter.submits.add(() -> { throw new ProviderUnavailable("down"); });
        adapter.lookupSupported = false;

        assertThatThrownBy(() -> service.on(event("task_1"))).isInstanceOf(ProviderUnavailable.class);
        service.on(event("task_1"));

        assertThat(adapter.submitCalls).isEqualTo(1);
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.getOutcome()).isEqualTo(ReportedOutcome.FAILED);
            assertThat(r.getErrorCode()).isEqualTo("submission_uncertain");
        });
    }

    @Test
    void should_submit_again_without_lookup_when_the_provider_was_never_called() {
        adapter.lookupSupported = false;
        adapter.submits.add(() -> { throw ProviderUnavailable.notCalled("The provider is failing; calls are paused for 30 s."); });
        adapter.submits.add(() -> Submission.accepted("p-5", "text2video"));

        assertThatThrownBy(() -> service.on(event("task_1"))).isInstanceOf(ProviderUnavailable.class);
        assertThat(state("task_1")).isEqualTo("not_submitted");
        service.on(event("task_1"));

        assertThat(adapter.submitCalls).isEqualTo(2);
        assertThat(reports).singleElement().extracting(TaskStatusReported::getProviderTaskId).isEqualTo("p-5");
    }

    private String state(String taskId) {
        return submissions.find(new Document("_id", taskId)).first().getString("state");
    }

    private static TaskSubmitted event(String taskId) {
        return TaskSubmitted.newBuilder().setEventId(java.util.UUID.randomUUID().toString()).setTaskId(taskId)
            .setOccurredAt(CLOCK.instant()).setTenantId("t").setModel("fake-model").setProvider("fake")
            .setProviderModel("fake-1").setInput("{\"prompt\":\"p\"}").setCallbackUrl(null).setCreatedAt(CLOCK.instant())
            .build();
    }

    /** A provider whose answers the test scripts, one per call. */
    private static final class ScriptedAdapter extends FakeAdapter {

        final Deque<Supplier<Submission>> submits = new ArrayDeque<>();
        final Deque<Supplier<Optional<Submission>>> recovers = new ArrayDeque<>();
        boolean lookupSupported = true;
        int submitCalls;
        int recoverCalls;

        ScriptedAdapter() {
            super("fake");
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.of(Capability.TEXT_TO_VIDEO);
        }

        @Override
        public Submission submit(GenerationRequest request) {
            submitCalls++;
            return submits.removeFirst().get();
        }

        @Override
        public Optional<Submission> recover(GenerationRequest request) {
            if (!lookupSupported) {
                return super.recover(request);
            }
            recoverCalls++;
            return recovers.removeFirst().get();
        }
    }
}
