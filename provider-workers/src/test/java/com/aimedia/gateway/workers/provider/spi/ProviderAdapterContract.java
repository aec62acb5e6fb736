package com.aimedia.gateway.workers.provider.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The contract every provider adapter passes against its simulator (STYLE.md "Provider
 * adapter SPI"). A provider adds
 * {@code <Provider>AdapterContractTest extends ProviderAdapterContract}, starts its
 * simulator and implements the hooks; capability hooks skip cases that do not apply to a
 * provider.
 */
public abstract class ProviderAdapterContract {

    /** A request the simulator runs to success. */
    protected abstract GenerationRequest successfulRequest(String taskId);

    /** An adapter pointed at the simulator with valid credentials and short timeouts. */
    protected abstract ProviderAdapter adapter();

    /**
     * An adapter pointed at the simulator with credentials the simulator refuses (401).
     */
    protected abstract ProviderAdapter adapterWithWrongCredentials();

    /**
     * Each documented way a task can end in failure at the provider, with the gateway
     * code it must map to.
     */
    protected abstract List<FailureCase> documentedFailures();

    /**
     * The next submit answers the provider's 429 rate/concurrency error with this
     * Retry-After.
     */
    protected abstract void rateLimitNextSubmit(Duration retryAfter);

    /** The next submit answers a 5xx. */
    protected abstract void serverErrorOnNextSubmit();

    /** The next poll answers a 5xx. */
    protected abstract void serverErrorOnNextPoll();

    /** The next submit answers 403. */
    protected abstract void forbiddenOnNextSubmit();

    /**
     * Every answer comes later than the adapter's read timeout ({@code false} to stop).
     */
    protected abstract void respondSlowly(boolean slow);

    /** The next poll answers HTTP 200 with an error inside the body. */
    protected abstract void errorInsideOkOnNextPoll();

    /** The provider reports this task with a status its docs do not list. */
    protected abstract void reportUndocumentedStatus(ProviderTaskRef ref);

    /** Every credential the adapters use; none may appear in any message or log line. */
    protected abstract List<String> secrets();

    /**
     * How many jobs the provider has created so far, by its own records (what it would
     * run and bill).
     */
    protected abstract long providerJobsCreated();

    /**
     * Whether the provider can report an error inside an HTTP 200 (else case 6 is
     * skipped).
     */
    protected boolean reportsErrorsInsideOk() {
        return true;
    }

    protected Duration completionTimeout() {
        return Duration.ofSeconds(10);
    }

    /**
     * A request that ends in a documented failure status, and the gateway error code it
     * must become.
     */
    public record FailureCase(String name, GenerationRequest request, ErrorCode expected) {
    }

    private static String taskId() {
        return "task_" + UUID.randomUUID().toString().replace("-", "");
    }

    private ProviderTaskRef submitted(GenerationRequest request) {
        Submission submission = adapter().submit(request);
        return new ProviderTaskRef(request.taskId(), submission.providerTaskId(), submission.providerRef());
    }

    private PollResult pollUntilFinished(ProviderTaskRef ref) {
        AtomicReference<PollResult> last = new AtomicReference<>();
        await().atMost(completionTimeout()).pollInterval(Duration.ofMillis(50)).until(() -> {
            last.set(adapter().poll(ref));
            return !(last.get() instanceof PollResult.Pending);
        });
        return last.get();
    }

    @Test
    void should_return_provider_task_id_when_submit_accepted() {
        Submission submission = adapter().submit(successfulRequest(taskId()));

        assertThat(submission.providerTaskId()).isNotBlank();
        assertThat(submission.isCompleted()).isFalse();
    }

    @Test
    void should_create_exactly_one_provider_job_when_submit_accepted() {
        long before = providerJobsCreated();

        ProviderTaskRef ref = submitted(successfulRequest(taskId()));
        long afterSubmit = providerJobsCreated();
        adapter().poll(ref);

        assertThat(afterSubmit).isEqualTo(before + 1);
        assertThat(providerJobsCreated()).as("after a poll").isEqualTo(before + 1);
    }

    /**
     * A refused submit must create nothing, and the adapter must not quietly send it
     * again (a second job).
     */
    @Test
    void should_create_no_provider_job_when_provider_refuses_submit() {
        long before = providerJobsCreated();

        assertThatThrownBy(() -> adapterWithWrongCredentials().submit(successfulRequest(taskId())))
            .isInstanceOf(AuthenticationFailed.class);
        rateLimitNextSubmit(Duration.ofSeconds(1));
        assertThatThrownBy(() -> adapter().submit(successfulRequest(taskId()))).isInstanceOf(RateLimited.class);
        forbiddenOnNextSubmit();
        assertThatThrownBy(() -> adapter().submit(successfulRequest(taskId()))).isInstanceOf(PermanentException.class);
        serverErrorOnNextSubmit();
        assertThatThrownBy(() -> adapter().submit(successfulRequest(taskId()))).isInstanceOf(RetryableException.class);

        assertThat(providerJobsCreated()).isEqualTo(before);
    }

    /**
     * A redelivered submit goes through {@link ProviderAdapter#recover}: it finds the
     * task the first delivery created or, where the provider has no lookup, refuses to
     * guess; either way it creates no second job.
     */
    @Test
    void should_create_no_provider_job_when_recovering_a_submitted_task() {
        GenerationRequest request = successfulRequest(taskId());
        Submission submission = adapter().submit(request);
        long afterSubmit = providerJobsCreated();

        AtomicReference<Optional<Submission>> recovered = new AtomicReference<>();
        Throwable thrown = catchThrowable(() -> recovered.set(adapter().recover(request)));

        if (thrown == null) {
            assertThat(recovered.get()).as("the task the first delivery created")
                .hasValueSatisfying(found -> assertThat(found.providerTaskId()).isEqualTo(submission.providerTaskId()));
        }
        else {
            assertThat(thrown).isInstanceOf(SubmissionUncertain.class);
        }
        assertThat(providerJobsCreated()).isEqualTo(afterSubmit);
    }

    @Test
    void should_go_from_pending_to_succeeded_with_result_url_when_polled() {
        ProviderTaskRef ref = submitted(successfulRequest(taskId()));

        PollResult first = adapter().poll(ref);
        PollResult last = pollUntilFinished(ref);

        assertThat(first).isInstanceOf(PollResult.Pending.class);
        assertThat(last).isInstanceOfSatisfying(PollResult.Succeeded.class,
                succeeded -> assertThat(succeeded.outputs()).isNotEmpty()
                    .allSatisfy(ProviderAdapterContract::assertDownloadable));
    }

    @Test
    void should_fail_with_reason_when_provider_reports_documented_failure() {
        assertThat(documentedFailures()).isNotEmpty();
        for (FailureCase failure : documentedFailures()) {
            PollResult last = pollUntilFinished(submitted(failure.request()));

            assertThat(last).as(failure.name()).isInstanceOfSatisfying(PollResult.Failed.class, failed -> {
                assertThat(failed.code()).isEqualTo(failure.expected());
                assertThat(failed.message()).isNotBlank();
            });
        }
    }

    @Test
    void should_throw_rate_limited_with_retry_after_when_provider_answers_429() {
        rateLimitNextSubmit(Duration.ofSeconds(3));

        assertThatThrownBy(() -> adapter().submit(successfulRequest(taskId())))
            .isInstanceOfSatisfying(RateLimited.class, e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(3)));
    }

    @Test
    void should_throw_retryable_when_provider_answers_5xx() {
        ProviderTaskRef ref = submitted(successfulRequest(taskId()));
        serverErrorOnNextSubmit();
        serverErrorOnNextPoll();

        assertThatThrownBy(() -> adapter().submit(successfulRequest(taskId()))).isInstanceOf(RetryableException.class);
        assertThatThrownBy(() -> adapter().poll(ref)).isInstanceOf(RetryableException.class);
    }

    @Test
    void should_throw_retryable_when_provider_times_out() {
        respondSlowly(true);
        try {
            assertThatThrownBy(() -> adapter().submit(successfulRequest(taskId()))).isInstanceOf(ProviderTimeout.class);
        }
        finally {
            respondSlowly(false);
        }
    }

    @Test
    void should_throw_permanent_when_provider_answers_401_or_403() {
        assertThatThrownBy(() -> adapterWithWrongCredentials().submit(successfulRequest(taskId())))
            .isInstanceOf(AuthenticationFailed.class);
        forbiddenOnNextSubmit();
        assertThatThrownBy(() -> adapter().submit(successfulRequest(taskId()))).isInstanceOf(PermanentException.class);
    }

    @Test
    void should_treat_error_inside_200_as_error_when_provider_reports_errors_that_way() {
        assumeTrue(reportsErrorsInsideOk(), "the provider never reports an error inside an HTTP 200");
        ProviderTaskRef ref = submitted(successfulRequest(taskId()));
        errorInsideOkOnNextPoll();

        Throwable thrown = catchThrowable(() -> assertThat(adapter().poll(ref)).isInstanceOf(PollResult.Failed.class));

        if (thrown != null) {
            assertThat(thrown).isInstanceOf(ProviderException.class);
        }
    }

    @Test
    void should_never_report_success_when_status_is_undocumented() {
        ProviderTaskRef ref = submitted(successfulRequest(taskId()));
        reportUndocumentedStatus(ref);

        Throwable thrown = catchThrowable(
                () -> assertThat(adapter().poll(ref)).isNotInstanceOf(PollResult.Succeeded.class));

        assertThat(thrown).isNull();
    }

    /**
     * Jobs the provider stopped because the gateway cancelled them (the simulator's
     * count).
     */
    protected long providerJobsCancelled() {
        return 0;
    }

    @Test
    void should_keep_the_result_when_a_finished_task_is_cancelled() {
        assumeTrue(adapter().canCancel(), "the provider has no cancel call");
        ProviderTaskRef ref = submitted(successfulRequest(taskId()));
        assertThat(pollUntilFinished(ref)).isInstanceOf(PollResult.Succeeded.class);

        CancelResult result = adapter().cancel(ref);

        assertThat(result).isEqualTo(CancelResult.NOT_RUNNING);
        assertThat(adapter().poll(ref)).isInstanceOf(PollResult.Succeeded.class);
        assertThat(providerJobsCancelled()).isZero();
    }

    @Test
    void should_answer_unsupported_when_the_provider_has_no_cancel_call() {
        assumeFalse(adapter().canCancel(), "the provider has a cancel call");
        ProviderTaskRef ref = submitted(successfulRequest(taskId()));

        CancelResult result = adapter().cancel(ref);

        assertThat(result).isEqualTo(CancelResult.UNSUPPORTED);
    }

    @Test
    void should_never_reveal_credentials_when_calls_fail() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        List<String> texts = new ArrayList<>();
        try {
            texts.add(String.valueOf(adapter()));
            texts.add(String.valueOf(adapterWithWrongCredentials()));
            texts
                .add(describe(catchThrowable(() -> adapterWithWrongCredentials().submit(successfulRequest(taskId())))));
            rateLimitNextSubmit(Duration.ofSeconds(1));
            texts.add(describe(catchThrowable(() -> adapter().submit(successfulRequest(taskId())))));
            serverErrorOnNextSubmit();
            texts.add(describe(catchThrowable(() -> adapter().submit(successfulRequest(taskId())))));
            for (FailureCase failure : documentedFailures()) {
                texts.add(String.valueOf(pollUntilFinished(submitted(failure.request()))));
            }
        }
        finally {
            root.detachAppender(logs);
        }
        logs.list
            .forEach(event -> texts.add(event.getFormattedMessage() + " " + describe(event.getThrowableProxy() == null
                    ? null : new RuntimeException(event.getThrowableProxy().getMessage()))));

        assertThat(secrets()).isNotEmpty();
        for (String secret : secrets()) {
            assertThat(texts).noneMatch(text -> text.contains(secret));
        }
    }

    private static String describe(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            text.append(t).append(' ');
        }
        return text.toString();
    }

    /**
     * A result must be fetchable with what the adapter handed over (its URL plus any
     * headers), or be inline.
     */
    static void assertDownloadable(ProviderOutput output) {
        switch (output) {
            case ProviderOutput.Inline inline -> assertThat(inline.content()).isNotEmpty();
            case ProviderOutput.Remote remote -> {
                assertThat(remote.uri().getScheme()).isIn("http", "https");
                java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(remote.uri()).GET();
                remote.headers().forEach(request::header);
                try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
                    java.net.http.HttpResponse<byte[]> response = client.send(request.build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(response.statusCode()).as("download of a result").isEqualTo(200);
                    assertThat(response.body()).isNotEmpty();
                }
                catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

}
