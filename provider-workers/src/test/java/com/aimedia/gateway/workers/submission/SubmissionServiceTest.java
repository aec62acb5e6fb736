package com.aimedia.gateway.workers.submission;

import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.aimedia.gateway.testsupport.MutableClock;
import com.aimedia.gateway.testsupport.FaultProxy;
import com.aimedia.gateway.workers.provider.spi.FakeAdapter;

import com.aimedia.gateway.workers.urls.ProviderCallbackUrls;
import com.aimedia.gateway.workers.outputs.PassThroughOutputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import java.net.InetSocketAddress;
import java.net.URI;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.workers.reporting.StatusReport;
import com.aimedia.gateway.workers.provider.ProviderAdapterLookup;
import com.aimedia.gateway.workers.limits.ProviderCalls;
import com.aimedia.gateway.workers.limits.TestGuards;
import com.aimedia.gateway.workers.limits.Sleeper;
import com.aimedia.gateway.workers.limits.WorkerMetrics;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderRegistry;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.RateLimited;
import com.aimedia.gateway.workers.provider.spi.Submission;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The at-most-once rules of docs/design.md section 5, with an in-memory MongoDB and a
 * scripted provider.
 */
class SubmissionServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);

    private static final Duration LEASE = Duration.ofSeconds(10);

    private static final Duration PATIENCE = Duration.ofMinutes(30);

    private InMemoryMongo mongo;

    private MongoCollection<Document> submissions;

    private final ScriptedAdapter adapter = new ScriptedAdapter();

    private final List<StatusReport> reports = new ArrayList<>();

    private final List<Duration> sleeps = new ArrayList<>();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private SubmissionService service;

    @BeforeEach
    void start() {
        mongo = InMemoryMongo.start();
        submissions = mongo.database("test").getCollection("submissions");
        service = service(CLOCK, sleeps::add);
    }

    private SubmissionService service(Clock clock, Sleeper sleeper) {
        return service(clock, sleeper, mongo.database("test"));
    }

    private SubmissionService service(Clock clock, Sleeper sleeper, MongoDatabase database) {
        SubmissionStore store = new SubmissionStore(database, "workers-this", LEASE);
        return new SubmissionService(new ProviderAdapterLookup(new ProviderRegistry(List.of(adapter))), store,
                new SubmissionLeases(store, clock, LEASE), reports::add,
                new ProviderCalls(meters, TestGuards.defaults(clock, meters)), JsonMapper.builder().build(), clock,
                new SubmissionProperties(3, Duration.ofSeconds(1), PATIENCE, Duration.ofMinutes(1), LEASE),
                new RetryDelay(Duration.ofSeconds(1), () -> 0.5), sleeper, new PassThroughOutputs(),
                ProviderCallbackUrls.disabled(), meters);
    }

    private SubmissionStore store(Clock clock) {
        return new SubmissionStore(mongo.database("test"), "workers-this", LEASE);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void should_record_attempt_and_report_accepted_when_provider_accepts() {
        adapter.submits.add(() -> Submission.accepted("p-1", "text2video"));

        service.on(event("task_1"));

        assertThat(state("task_1")).isEqualTo("accepted");
        assertThat(submissions.find(new Document("_id", "task_1")).first().getString("provider_task_id"))
            .isEqualTo("p-1");
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(StatusReport.Outcome.ACCEPTED);
            assertThat(r.providerTaskId()).isEqualTo("p-1");
            assertThat(r.providerRef()).isEqualTo("text2video");
        });
        assertThat(
                meters.get(WorkerMetrics.PROVIDER_REQUESTS).tag(WorkerMetrics.TAG_OUTCOME, "success").timer().count())
            .isEqualTo(1);
    }

    @Test
    void should_never_send_a_task_the_orchestrator_ended_while_it_waited_and_send_one_still_queued() {
        // given: two tasks created 31 minutes ago; the orchestrator ended one (its
        // deadline passed while it queued behind the provider account's limit)
        MongoCollection<Document> tasks = mongo.database("test").getCollection("tasks");
        tasks.insertOne(new Document("_id", "task_ended").append("status", "failed"));
        tasks.insertOne(new Document("_id", "task_queued").append("status", "queued"));
        Instant created = CLOCK.instant().minus(Duration.ofMinutes(31));
        adapter.submits.add(() -> Submission.accepted("p-1", "text2video"));

        // when
        service.on(oldEvent("task_ended", created));
        service.on(oldEvent("task_queued", created));

        // then
        assertThat(state("task_ended")).isEqualTo("cancelled");
        assertThat(state("task_queued")).isEqualTo("accepted");
        assertThat(adapter.submitCalls).isEqualTo(1);
        assertThat(reports).singleElement().satisfies(r -> assertThat(r.taskId()).isEqualTo("task_queued"));
    }

    @Test
    void should_keep_the_accepted_provider_task_when_mongodb_goes_out_right_after_the_provider_accepted()
            throws Exception {
        // given: the worker reaches MongoDB through a proxy that cuts every connection
        // when the provider answers
        try (FaultProxy proxy = new FaultProxy(new InetSocketAddress("127.0.0.1", URI.create(mongo.uri()).getPort()));
                MongoClient proxied = MongoClients.create("mongodb://127.0.0.1:" + proxy.port()
                        + "/?serverSelectionTimeoutMS=1500&connectTimeoutMS=300&retryWrites=false")) {
            List<Duration> outageWaits = new ArrayList<>();
            SubmissionService cutOff = service(CLOCK, wait -> {
                outageWaits.add(wait);
                if (outageWaits.size() == 2) {
                    proxy.mode(FaultProxy.Mode.PASS);
                }
            }, proxied.getDatabase("test"));
            adapter.lookupSupported = false;
            adapter.submits.add(() -> {
                proxy.mode(FaultProxy.Mode.RESET);
                return Submission.accepted("p-1", "text2video");
            });

            // when
            cutOff.on(event("task_1"));

            // then: the record waited for MongoDB instead of leaving an attempt of
            // unknown outcome
            assertThat(outageWaits).startsWith(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(state("task_1")).isEqualTo("accepted");
            assertThat(adapter.submitCalls).isEqualTo(1);
            assertThat(reports).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(StatusReport.Outcome.ACCEPTED);
                assertThat(r.providerTaskId()).isEqualTo("p-1");
            });
        }
    }

    @Test
    void should_not_submit_again_and_re_report_when_task_submitted_twice() {
        adapter.submits.add(() -> Submission.accepted("p-1", "text2video"));
        service.on(event("task_1"));

        service.on(event("task_1"));

        assertThat(adapter.submitCalls).isEqualTo(1);
        assertThat(reports).hasSize(2)
            .allMatch(r -> r.outcome() == StatusReport.Outcome.ACCEPTED && r.providerTaskId().equals("p-1"));
    }

    @Test
    void should_report_failed_and_never_retry_when_provider_refuses_permanently() {
        adapter.submits.add(() -> {
            throw new ContentRejected("The provider rejected the prompt under its content policy.");
        });

        service.on(event("task_1"));
        service.on(event("task_1"));

        assertThat(adapter.submitCalls).isEqualTo(1);
        assertThat(state("task_1")).isEqualTo("failed");
        assertThat(reports).hasSize(2)
            .allMatch(r -> r.outcome() == StatusReport.Outcome.FAILED && r.errorCode().equals("content_policy"));
    }

    @Test
    void should_reset_wait_and_redeliver_then_submit_again_when_rate_limited() {
        adapter.submits.add(() -> {
            throw new RateLimited("busy", Duration.ofSeconds(10));
        });
        adapter.submits.add(() -> Submission.accepted("p-2", "text2video"));

        assertThatThrownBy(() -> service.on(event("task_1"))).isInstanceOf(WaitingItsTurn.class)
            .hasMessageContaining("busy");
        assertThat(state("task_1")).isEqualTo("not_submitted");
        service.on(event("task_1"));

        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(adapter.recoverCalls).isZero();
        assertThat(adapter.submitCalls).isEqualTo(2);
        assertThat(reports).singleElement().extracting(StatusReport::providerTaskId).isEqualTo("p-2");
    }

    @Test
    void should_keep_the_task_queued_without_counting_attempts_while_rate_limited_within_the_patience() {
        // given: the provider's account stays full for many more deliveries than
        // max-attempts (3), within the patience
        MutableClock clock = new MutableClock(CLOCK.instant());
        SubmissionService patient = service(clock, sleeps::add);
        for (int turn = 0; turn < 10; turn++) {
            adapter.submits.add(() -> {
                throw new RateLimited("busy", null);
            });
        }
        adapter.submits.add(() -> Submission.accepted("p-1", "text2video"));

        // when
        for (int turn = 0; turn < 10; turn++) {
            assertThatThrownBy(() -> patient.on(event("task_1"))).isInstanceOf(WaitingItsTurn.class);
            clock.advance(Duration.ofMinutes(2));
        }
        patient.on(event("task_1"));

        // then
        assertThat(adapter.submitCalls).isEqualTo(11);
        assertThat(adapter.recoverCalls).isZero();
        assertThat(state("task_1")).isEqualTo("accepted");
        assertThat(sleeps).hasSize(10).containsOnly(Duration.ofSeconds(1));
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(StatusReport.Outcome.ACCEPTED);
            assertThat(r.providerTaskId()).isEqualTo("p-1");
        });
        assertThat(meters.get(WorkerMetrics.SUBMISSIONS_RATE_LIMITED)
            .tag(WorkerMetrics.TAG_PROVIDER, "fake")
            .tag(WorkerMetrics.TAG_OUTCOME, WorkerMetrics.OUTCOME_WAITED)
            .counter()
            .count()).isEqualTo(10);
    }

    @Test
    void should_report_failed_rate_limited_saying_how_long_when_the_provider_stays_full_past_the_patience() {
        // given
        MutableClock clock = new MutableClock(CLOCK.instant());
        SubmissionService patient = service(clock, sleeps::add);
        adapter.submits.add(() -> {
            throw new RateLimited("busy", null);
        });
        assertThatThrownBy(() -> patient.on(event("task_1"))).isInstanceOf(WaitingItsTurn.class);
        clock.advance(PATIENCE.minusSeconds(1));
        adapter.submits.add(() -> {
            throw new RateLimited("busy", null);
        });
        assertThatThrownBy(() -> patient.on(event("task_1"))).isInstanceOf(WaitingItsTurn.class);
        clock.advance(Duration.ofSeconds(1));
        adapter.submits.add(() -> {
            throw new RateLimited("busy", null);
        });

        // when
        patient.on(event("task_1"));

        // then
        assertThat(state("task_1")).isEqualTo("failed");
        assertThat(sleeps).hasSize(2);
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(StatusReport.Outcome.FAILED);
            assertThat(r.errorCode()).isEqualTo("rate_limited");
            assertThat(r.errorMessage())
                .isEqualTo("The provider stayed over its rate or concurrency limit for 30 minutes "
                        + "(the patience is 30 minutes); gave up.");
        });
        assertThat(meters.get(WorkerMetrics.SUBMISSIONS_RATE_LIMITED)
            .tag(WorkerMetrics.TAG_OUTCOME, WorkerMetrics.OUTCOME_GAVE_UP)
            .counter()
            .count()).isEqualTo(1);
        patient.on(event("task_1"));
        assertThat(adapter.submitCalls).as("a settled task is never sent again").isEqualTo(3);
    }

    @Test
    void should_give_provider_errors_their_own_attempts_after_many_rate_limited_retries() {
        // given: the account is full for many turns, then the provider fails with server
        // errors the gateway refused itself (an open circuit: provably not received)
        for (int turn = 0; turn < 6; turn++) {
            refusedForItsLimit("task_1");
        }
        failedWithAProviderError("task_1");
        refusedForItsLimit("task_1");
        failedWithAProviderError("task_1");
        assertThat(reports).as("two provider errors of max-attempts 3: still retried").isEmpty();

        // when: the third provider error
        adapter.submits.add(() -> {
            throw failingProvider();
        });
        service.on(event("task_1"));

        // then
        assertThat(adapter.submitCalls).isEqualTo(10);
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.errorCode()).isEqualTo("provider_error");
            assertThat(r.errorMessage()).endsWith("Gave up after 3 attempts.");
        });
    }

    @Test
    void should_look_up_instead_of_submitting_again_when_outcome_unknown() {
        adapter.submits.add(() -> {
            throw new ProviderUnavailable("The provider failed with a server error.");
        });
        adapter.recovers.add(() -> Optional.of(Submission.accepted("p-3", "text2video")));

        assertThatThrownBy(() -> service.on(event("task_1"))).isInstanceOf(ProviderUnavailable.class);
        assertThat(state("task_1")).isEqualTo("submitting");
        service.on(event("task_1"));

        assertThat(adapter.submitCalls).isEqualTo(1);
        assertThat(adapter.recoverCalls).isEqualTo(1);
        assertThat(reports).singleElement().extracting(StatusReport::providerTaskId).isEqualTo("p-3");
    }

    @Test
    void should_submit_again_when_lookup_proves_provider_has_no_task() {
        adapter.submits.add(() -> {
            throw new ProviderUnavailable("down");
        });
        adapter.recovers.add(Optional::empty);
        adapter.submits.add(() -> Submission.accepted("p-4", "text2video"));

        assertThatThrownBy(() -> service.on(event("task_1"))).isInstanceOf(ProviderUnavailable.class);
        service.on(event("task_1"));

        assertThat(adapter.submitCalls).isEqualTo(2);
        assertThat(reports).singleElement().extracting(StatusReport::providerTaskId).isEqualTo("p-4");
    }

    @Test
    void should_report_submission_uncertain_when_provider_cannot_look_tasks_up() {
        adapter.submits.add(() -> {
            throw new ProviderUnavailable("down");
        });
        adapter.lookupSupported = false;

        assertThatThrownBy(() -> service.on(event("task_1"))).isInstanceOf(ProviderUnavailable.class);
        service.on(event("task_1"));

        assertThat(adapter.submitCalls).isEqualTo(1);
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(StatusReport.Outcome.FAILED);
            assertThat(r.errorCode()).isEqualTo("submission_uncertain");
        });
    }

    @Test
    void should_submit_again_without_lookup_when_the_provider_was_never_called() {
        adapter.lookupSupported = false;
        adapter.submits.add(() -> {
            throw ProviderUnavailable.notCalled("The provider is failing; calls are paused for 30 s.");
        });
        adapter.submits.add(() -> Submission.accepted("p-5", "text2video"));

        assertThatThrownBy(() -> service.on(event("task_1"))).isInstanceOf(ProviderUnavailable.class);
        assertThat(state("task_1")).isEqualTo("not_submitted");
        service.on(event("task_1"));

        assertThat(adapter.submitCalls).isEqualTo(2);
        assertThat(reports).singleElement().extracting(StatusReport::providerTaskId).isEqualTo("p-5");
    }

    @Test
    void should_wait_for_the_lease_of_another_worker_then_look_up_when_it_runs_out() {
        // given: a worker process that was killed in the middle of its submit call, its
        // lease still running
        MutableClock clock = new MutableClock(CLOCK.instant());
        submissions.insertOne(new Document("_id", "task_1").append("provider", "fake")
            .append("state", "submitting")
            .append("attempts", 1)
            .append("owner", "workers-killed")
            .append("lease_until", java.util.Date.from(clock.instant().plus(LEASE))));
        adapter.recovers.add(() -> Optional.of(Submission.accepted("p-6", "text2video")));
        List<Duration> waited = new ArrayList<>();
        SubmissionService redelivered = service(clock, duration -> {
            waited.add(duration);
            clock.advance(duration);
        });

        // when
        redelivered.on(event("task_1"));

        // then: no look-up while the first call might still create the task, then a
        // look-up instead of a submit
        assertThat(waited.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(LEASE);
        assertThat(adapter.submitCalls).isZero();
        assertThat(adapter.recoverCalls).isEqualTo(1);
        assertThat(reports).singleElement().extracting(StatusReport::providerTaskId).isEqualTo("p-6");
        assertThat(submissions.find(new Document("_id", "task_1")).first().getString("owner"))
            .isEqualTo("workers-this");
    }

    @Test
    void should_renew_only_its_own_leases_while_calls_run() {
        // given
        MutableClock clock = new MutableClock(CLOCK.instant());
        SubmissionStore store = store(clock);
        store.claim("task_mine", "fake", "t", clock.instant());
        submissions.insertOne(new Document("_id", "task_theirs").append("provider", "fake")
            .append("state", "submitting")
            .append("owner", "workers-other")
            .append("lease_until", java.util.Date.from(clock.instant().plus(LEASE))));
        SubmissionLeases leases = new SubmissionLeases(store, clock, LEASE);
        clock.advance(Duration.ofSeconds(7));

        // when
        leases.holding("task_mine", () -> leases.holding("task_theirs", leases::renew));

        // then
        assertThat(leaseUntil("task_mine")).isEqualTo(clock.instant().plus(LEASE));
        assertThat(leaseUntil("task_theirs")).isEqualTo(CLOCK.instant().plus(LEASE));
    }

    @Test
    void should_re_report_a_settled_submission_when_the_orchestrator_checks_it() {
        // given: the acceptance report was lost on its way to the orchestrator
        adapter.submits.add(() -> Submission.accepted("p-7", "text2video"));
        service.on(event("task_1"));
        reports.clear();

        // when
        service.check(check("task_1"));

        // then
        assertThat(adapter.submitCalls).isEqualTo(1);
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(StatusReport.Outcome.ACCEPTED);
            assertThat(r.providerTaskId()).isEqualTo("p-7");
        });
    }

    @Test
    void should_report_nothing_on_a_check_while_no_attempt_is_settled() {
        // given
        adapter.submits.add(() -> {
            throw new ProviderUnavailable("The provider failed with a server error.");
        });
        assertThatThrownBy(() -> service.on(event("task_1"))).isInstanceOf(ProviderUnavailable.class);

        // when
        service.check(check("task_1"));
        service.check(check("task_unknown"));

        // then
        assertThat(reports).isEmpty();
        assertThat(adapter.recoverCalls).isZero();
    }

    private Instant leaseUntil(String taskId) {
        return submissions.find(new Document("_id", taskId)).first().getDate("lease_until").toInstant();
    }

    private static CheckSubmission check(String taskId) {
        return new CheckSubmission(taskId, "fake");
    }

    private String state(String taskId) {
        return submissions.find(new Document("_id", taskId)).first().getString("state");
    }

    /** The provider refuses the task's submit for its limit: the task waits its turn. */
    private void refusedForItsLimit(String taskId) {
        adapter.submits.add(() -> {
            throw new RateLimited("busy", null);
        });
        assertThatThrownBy(() -> service.on(event(taskId))).isInstanceOf(WaitingItsTurn.class);
    }

    /** The provider fails the task's submit (provably not received): one attempt used. */
    private void failedWithAProviderError(String taskId) {
        adapter.submits.add(() -> {
            throw failingProvider();
        });
        assertThatThrownBy(() -> service.on(event(taskId))).isInstanceOf(ProviderUnavailable.class);
    }

    private static ProviderUnavailable failingProvider() {
        return ProviderUnavailable.notCalled("The provider is failing; calls are paused for 30 s.");
    }

    private static SubmitTask oldEvent(String taskId, Instant createdAt) {
        return new SubmitTask(taskId, "fake", "t", "fake-model", "fake-1", "{\"prompt\":\"p\"}", createdAt);
    }

    private static SubmitTask event(String taskId) {
        return new SubmitTask(taskId, "fake", "t", "fake-model", "fake-1", "{\"prompt\":\"p\"}", CLOCK.instant());
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
