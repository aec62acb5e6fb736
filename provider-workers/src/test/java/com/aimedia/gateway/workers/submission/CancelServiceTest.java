package com.aimedia.gateway.workers.submission;

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
import java.util.function.Supplier;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.aimedia.gateway.workers.limits.ProviderCalls;
import com.aimedia.gateway.workers.limits.TestGuards;
import com.aimedia.gateway.workers.limits.WorkerMetrics;
import com.aimedia.gateway.workers.provider.ProviderAdapterLookup;
import com.aimedia.gateway.workers.reporting.StatusReport;
import com.aimedia.gateway.workers.outputs.PassThroughOutputs;
import com.aimedia.gateway.workers.provider.spi.CancelResult;
import com.aimedia.gateway.workers.provider.spi.FakeAdapter;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderRegistry;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.RateLimited;
import com.aimedia.gateway.workers.provider.spi.Submission;
import com.aimedia.gateway.workers.urls.ProviderCallbackUrls;
import com.mongodb.client.MongoCollection;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider side of a cancel, with an in-memory MongoDB and a scripted provider:
 * whatever order the cancel and the submit arrive in, a task is never sent after its
 * cancel was recorded, and a task the provider accepted is stopped there exactly when it
 * may still run; a failing cancel call never blocks anything but its own retry.
 */
class CancelServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);

    private static final Duration LEASE = Duration.ofSeconds(10);

    private InMemoryMongo mongo;

    private MongoCollection<Document> submissions;

    private final CancellableAdapter adapter = new CancellableAdapter();

    private final List<StatusReport> reports = new ArrayList<>();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private SubmissionService submitting;

    private CancelService cancelling;

    @BeforeEach
    void start() {
        mongo = InMemoryMongo.start();
        submissions = mongo.database("test").getCollection("submissions");
        SubmissionStore store = new SubmissionStore(mongo.database("test"), "workers-this", LEASE);
        ProviderAdapterLookup adapters = new ProviderAdapterLookup(new ProviderRegistry(List.of(adapter)));
        ProviderCalls calls = new ProviderCalls(meters, TestGuards.defaults(CLOCK, meters));
        submitting = new SubmissionService(adapters, store, new SubmissionLeases(store, CLOCK, LEASE), reports::add,
                calls, JsonMapper.builder().build(), CLOCK, new SubmissionProperties(3, Duration.ofSeconds(1),
                        Duration.ofMinutes(30), Duration.ofMinutes(1), LEASE),
                new RetryDelay(Duration.ofSeconds(1), () -> 0.5), duration -> {
                }, new PassThroughOutputs(), ProviderCallbackUrls.disabled(), meters);
        cancelling = new CancelService(adapters, store, new ProviderCancels(calls), CLOCK);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void should_never_send_the_task_when_the_cancel_arrives_before_the_submission() {
        cancelling.on(cancel("task_1"));

        submitting.on(submitted("task_1"));
        submitting.on(submitted("task_1"));

        assertThat(adapter.submitCalls).isZero();
        assertThat(adapter.cancelled).isEmpty();
        assertThat(state("task_1")).isEqualTo("cancelled");
        assertThat(reports).hasSize(2).allSatisfy(report -> {
            assertThat(report.outcome()).isEqualTo(StatusReport.Outcome.FAILED);
            assertThat(report.errorCode()).isEqualTo("cancelled");
        });
    }

    @Test
    void should_stop_the_provider_task_when_an_accepted_task_is_cancelled_and_again_when_the_cancel_is_redelivered() {
        adapter.submits.add(() -> Submission.accepted("p-1", "ref"));
        submitting.on(submitted("task_1"));

        cancelling.on(cancel("task_1"));
        cancelling.on(cancel("task_1"));

        assertThat(adapter.cancelled).containsExactly("p-1", "p-1");
        assertThat(adapter.cancelledRefs).containsOnly("ref");
        assertThat(
                meters.get(WorkerMetrics.PROVIDER_REQUESTS).tag(WorkerMetrics.TAG_OPERATION, "cancel").timer().count())
            .isEqualTo(2);
    }

    @Test
    void should_stop_the_provider_task_once_accepted_when_the_cancel_arrives_during_the_submit() {
        adapter.submits.add(() -> {
            cancelling.on(cancel("task_1"));
            return Submission.accepted("p-1", null);
        });

        submitting.on(submitted("task_1"));

        assertThat(adapter.cancelled).containsExactly("p-1");
        assertThat(reports).singleElement().extracting(StatusReport::outcome).isEqualTo(StatusReport.Outcome.ACCEPTED);
    }

    @Test
    void should_stop_the_provider_task_when_the_submit_is_redelivered_after_a_crash_before_the_cancel_call() {
        adapter.submits.add(() -> {
            cancelling.on(cancel("task_1"));
            return Submission.accepted("p-1", null);
        });
        adapter.failNextCancel = () -> new IllegalStateException("killed before the cancel call returned");
        assertThatThrownBy(() -> submitting.on(submitted("task_1"))).isInstanceOf(IllegalStateException.class);

        submitting.on(submitted("task_1"));

        assertThat(adapter.submitCalls).isEqualTo(1);
        assertThat(adapter.cancelled).containsExactly("p-1");
    }

    @Test
    void should_never_send_the_task_again_when_cancelled_while_it_waits_its_turn_after_rate_limited_attempts() {
        // given: the provider's account is full for more attempts than max-attempts (3)
        for (int turn = 0; turn < 4; turn++) {
            adapter.submits.add(() -> {
                throw new RateLimited("busy", Duration.ofSeconds(1));
            });
            assertThatThrownBy(() -> submitting.on(submitted("task_1"))).isInstanceOf(WaitingItsTurn.class);
        }

        // when
        cancelling.on(cancel("task_1"));
        submitting.on(submitted("task_1"));

        // then
        assertThat(adapter.submitCalls).isEqualTo(4);
        assertThat(state("task_1")).isEqualTo("cancelled");
        assertThat(adapter.cancelled).isEmpty();
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.outcome()).isEqualTo(StatusReport.Outcome.FAILED);
            assertThat(report.errorCode()).isEqualTo("cancelled");
        });
    }

    @Test
    void should_end_quietly_when_the_provider_refuses_the_cancel() {
        adapter.submits.add(() -> Submission.accepted("p-1", null));
        submitting.on(submitted("task_1"));
        adapter.failNextCancel = () -> new InvalidRequest("task state is scheduled, can not cancel");

        cancelling.on(cancel("task_1"));

        assertThat(state("task_1")).isEqualTo("accepted");
    }

    @Test
    void should_rethrow_for_a_retry_when_the_provider_cannot_be_reached_for_the_cancel() {
        adapter.submits.add(() -> Submission.accepted("p-1", null));
        submitting.on(submitted("task_1"));
        adapter.failNextCancel = () -> new ProviderUnavailable("The provider answered HTTP 503.");

        assertThatThrownBy(() -> cancelling.on(cancel("task_1"))).isInstanceOf(ProviderUnavailable.class);
        cancelling.on(cancel("task_1"));

        assertThat(adapter.cancelled).containsExactly("p-1");
    }

    @Test
    void should_not_call_the_provider_when_it_has_no_cancel_call() {
        adapter.cancelCapable = false;
        adapter.submits.add(() -> Submission.accepted("p-1", null));
        submitting.on(submitted("task_1"));

        cancelling.on(cancel("task_1"));

        assertThat(adapter.cancelCalls).isZero();
    }

    @Test
    void should_leave_a_finished_provider_job_alone_when_cancelled_after_it_completed() {
        adapter.submits
            .add(() -> Submission.completed("p-1", null, List.of(com.aimedia.gateway.workers.provider.spi.ProviderOutput
                .url(java.net.URI.create("https://cdn.example/a.png")))));
        submitting.on(submitted("task_1"));

        cancelling.on(cancel("task_1"));

        assertThat(adapter.cancelCalls).isZero();
        assertThat(state("task_1")).isEqualTo("completed");
    }

    private String state(String taskId) {
        return submissions.find(new Document("_id", taskId)).first().getString("state");
    }

    private static SubmitTask submitted(String taskId) {
        return new SubmitTask(taskId, "fake", "t", "fake-model", "fake-1", "{\"prompt\":\"p\"}", CLOCK.instant());
    }

    private static CancelTask cancel(String taskId) {
        return new CancelTask(taskId, "fake", "t");
    }

    /**
     * A provider with a cancel call; its submits and cancel failures are scripted by the
     * test.
     */
    private static final class CancellableAdapter extends FakeAdapter {

        final Deque<Supplier<Submission>> submits = new ArrayDeque<>();

        final List<String> cancelled = new ArrayList<>();

        final List<String> cancelledRefs = new ArrayList<>();

        Supplier<RuntimeException> failNextCancel;

        boolean cancelCapable = true;

        int submitCalls;

        int cancelCalls;

        CancellableAdapter() {
            super("fake");
        }

        @Override
        public boolean canCancel() {
            return cancelCapable;
        }

        @Override
        public Submission submit(GenerationRequest request) {
            submitCalls++;
            return submits.removeFirst().get();
        }

        @Override
        public CancelResult cancel(ProviderTaskRef ref) {
            cancelCalls++;
            if (failNextCancel != null) {
                RuntimeException failure = failNextCancel.get();
                failNextCancel = null;
                throw failure;
            }
            cancelled.add(ref.providerTaskId());
            if (ref.providerRef() != null) {
                cancelledRefs.add(ref.providerRef());
            }
            return CancelResult.CANCELLED;
        }

    }

}
