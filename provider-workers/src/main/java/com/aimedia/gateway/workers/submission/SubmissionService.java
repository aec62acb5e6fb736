package com.aimedia.gateway.workers.submission;

import com.aimedia.gateway.workers.urls.ProviderCallbackUrls;
import com.aimedia.gateway.workers.outputs.OutputPublisher;
import com.aimedia.gateway.workers.outputs.OutputRejectedException;
import com.aimedia.gateway.workers.outputs.OutputUnavailableException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.schemas.v1.SubmissionCheckRequested;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.PermanentException;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderTimeout;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.RateLimited;
import com.aimedia.gateway.workers.provider.spi.RetryableException;
import com.aimedia.gateway.workers.provider.spi.Submission;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submits a task to its provider at most once (docs/design.md section 5): the attempt is recorded in {@code submissions}
 * before the call; a redelivery re-reports a settled attempt, looks up an attempt with an unknown outcome
 * ({@link ProviderAdapter#recover}) and only submits again when the provider provably has no such task.
 * Retryable provider errors are rethrown so the Kafka error handler retries, until {@code maxAttempts}, where the task
 * is reported FAILED so it never hangs in a dead-letter topic.
 */
final class SubmissionService {

    private static final Logger log = LoggerFactory.getLogger(SubmissionService.class);
    private static final Duration IN_FLIGHT_RECHECK = Duration.ofSeconds(1);
    /** The orchestrator's error code for a task its owner cancelled. */
    static final String CANCELLED = "cancelled";
    static final String CANCELLED_MESSAGE = "The task was cancelled by its owner.";

    private final ProviderAdapterLookup adapters;
    private final SubmissionStore store;
    private final StatusReporter reporter;
    private final StatusReports reports;
    private final ProviderCalls calls;
    private final JsonMapper json;
    private final Clock clock;
    private final SubmissionProperties properties;
    private final RetryDelay retryDelay;
    private final Sleeper sleeper;
    private final OutputPublisher outputs;
    private final ProviderCallbackUrls callbackUrls;
    private final SubmissionLeases leases;
    private final ProviderCancels cancels;

    SubmissionService(ProviderAdapterLookup adapters, SubmissionStore store, SubmissionLeases leases,
            StatusReporter reporter, ProviderCalls calls, JsonMapper json, Clock clock, SubmissionProperties properties,
            RetryDelay retryDelay, Sleeper sleeper, OutputPublisher outputs, ProviderCallbackUrls callbackUrls) {
        this.adapters = adapters;
        this.store = store;
        this.leases = leases;
        this.reporter = reporter;
        this.reports = new StatusReports(clock);
        this.calls = calls;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.retryDelay = retryDelay;
        this.sleeper = sleeper;
        this.outputs = outputs;
        this.callbackUrls = callbackUrls;
        this.cancels = new ProviderCancels(calls);
    }

    void on(TaskSubmitted event) {
        ProviderAdapter adapter = adapters.require(event.getProvider());
        Optional<GenerationRequest> request = toRequest(event);
        SubmissionStore.Claim claim = claimWhenFree(event);
        switch (claim) {
            case SubmissionStore.Claim.Settled settled -> reportSettled(event.getTaskId(), event.getProvider(),
                    settled.record());
            case SubmissionStore.Claim.Fresh fresh -> leases.holding(event.getTaskId(),
                    () -> request.ifPresentOrElse(r -> submit(adapter, r, fresh.attempt()),
                            () -> fail(event.getTaskId(), adapter, ErrorCode.INVALID_PARAMETER,
                                    "Invalid parameter: input must be a JSON object")));
            case SubmissionStore.Claim.Uncertain uncertain -> leases.holding(event.getTaskId(),
                    () -> request.ifPresentOrElse(r -> recoverThenSubmit(adapter, r, uncertain.attempt()),
                            () -> fail(event.getTaskId(), adapter, ErrorCode.INVALID_PARAMETER,
                                    "Invalid parameter: input must be a JSON object")));
            case SubmissionStore.Claim.InFlight inFlight -> throw new IllegalStateException("claimWhenFree returned "
                    + inFlight);
        }
    }

    /**
     * Claims the attempt, waiting while another live worker process makes it (a redelivery after a rebalance): its
     * call may still create the provider task, so looking the task up now could submit it twice.
     */
    private SubmissionStore.Claim claimWhenFree(TaskSubmitted event) {
        while (true) {
            SubmissionStore.Claim claim = store.claim(event.getTaskId(), event.getProvider(), event.getTenantId(),
                    clock.instant());
            if (!(claim instanceof SubmissionStore.Claim.InFlight inFlight)) {
                return claim;
            }
            log.info("submission in flight on another worker, waiting for it taskId={} provider={} leaseUntil={}",
                    event.getTaskId(), event.getProvider(), inFlight.leaseUntil());
            Duration untilFree = Duration.between(clock.instant(), inFlight.leaseUntil());
            sleeper.sleep(untilFree.compareTo(IN_FLIGHT_RECHECK) < 0 && !untilFree.isNegative() ? untilFree
                    : IN_FLIGHT_RECHECK);
        }
    }

    /**
     * The orchestrator has not been told that the provider accepted the task: re-report a settled submission (its
     * report may have been lost in a crash). An attempt still pending is being made or will be retried by the Kafka
     * redelivery of its TaskSubmitted, which carries the input a recovery needs; a task with no attempt yet is
     * still waiting in its topic.
     */
    void check(SubmissionCheckRequested event) {
        Optional<SubmissionStore.SubmissionRecord> record = store.find(event.getTaskId());
        if (record.isEmpty()) {
            log.info("submission check: no attempt recorded yet taskId={} provider={}", event.getTaskId(),
                    event.getProvider());
            return;
        }
        switch (record.get().state()) {
            case ACCEPTED, COMPLETED, FAILED, CANCELLED -> reportSettled(event.getTaskId(), event.getProvider(),
                    record.get());
            case SUBMITTING, NOT_SUBMITTED -> log.info("submission check: attempt still pending taskId={} provider={}",
                    event.getTaskId(), event.getProvider());
        }
    }

    private void submit(ProviderAdapter adapter, GenerationRequest request, int attempt) {
        try {
            Submission submission = calls.submit(adapter.id(), () -> adapter.submit(request));
            accept(adapter, request.taskId(), submission);
        }
        catch (PermanentException e) {
            fail(request.taskId(), adapter, e.errorCode(), e.getMessage());
        }
        catch (RetryableException e) {
            if (provablyNotReceived(e)) {
                store.markNotSubmitted(request.taskId(), clock.instant());
            }
            // otherwise the outcome is unknown: the submission stays 'submitting' and the retry goes through recover()
            retryOrGiveUp(adapter, request.taskId(), e, attempt);
        }
    }

    /** A provider's 429 and a call the gateway refused itself (open circuit) provably created no task. */
    private static boolean provablyNotReceived(RetryableException e) {
        return switch (e) {
            case RateLimited rateLimited -> true;
            case ProviderUnavailable unavailable -> !unavailable.providerCalled();
            case ProviderTimeout timeout -> false;
        };
    }

    private void recoverThenSubmit(ProviderAdapter adapter, GenerationRequest request, int attempt) {
        Optional<Submission> found;
        try {
            found = calls.submit(adapter.id(), () -> adapter.recover(request));
        }
        catch (PermanentException e) {
            fail(request.taskId(), adapter, e.errorCode(), e.getMessage());
            return;
        }
        catch (RetryableException e) {
            retryOrGiveUp(adapter, request.taskId(), e, attempt);
            return;
        }
        if (found.isPresent()) {
            log.info("provider task found after an unknown submit outcome taskId={} provider={}", request.taskId(),
                    adapter.id());
            accept(adapter, request.taskId(), found.get());
        }
        else if (store.find(request.taskId()).map(SubmissionStore.SubmissionRecord::cancelRequested).orElse(false)) {
            log.info("provider has no task after an unknown submit outcome and the task was cancelled, not sending it "
                    + "taskId={} provider={}", request.taskId(), adapter.id());
            store.markCancelled(request.taskId(), clock.instant());
            reporter.report(cancelledReport(request.taskId(), adapter.id().value()));
        }
        else {
            log.info("provider has no task after an unknown submit outcome, submitting again taskId={} provider={}",
                    request.taskId(), adapter.id());
            submit(adapter, request, attempt);
        }
    }

    private void accept(ProviderAdapter adapter, String taskId, Submission submission) {
        List<String> published;
        try {
            published = submission.isCompleted()
                    ? outputs.publish(taskId, adapter.id().value(), adapter.outputHosts(), submission.outputs())
                    : List.of();
        }
        catch (OutputRejectedException e) {
            fail(taskId, adapter, e.code(), e.getMessage());
            return;
        }
        catch (OutputUnavailableException e) {
            // a synchronous result that cannot be fetched cannot be fetched later either: there is nothing to poll
            fail(taskId, adapter, ErrorCode.PROVIDER_ERROR, e.getMessage());
            return;
        }
        boolean cancelled = store.markAccepted(taskId, submission, published, clock.instant());
        String provider = adapter.id().value();
        log.info("provider task submitted taskId={} provider={} providerTaskId={}", taskId, provider,
                submission.providerTaskId());
        reporter.report(submission.isCompleted()
                ? reports.completed(taskId, provider, submission.providerTaskId(), submission.providerRef(), published)
                : reports.accepted(taskId, provider, submission.providerTaskId(), submission.providerRef()));
        if (cancelled && !submission.isCompleted()) {
            // the owner cancelled while this submit was in flight: the cancel found nothing to stop then
            cancels.stop(adapter, taskId, submission.providerTaskId(), submission.providerRef());
        }
    }

    private void fail(String taskId, ProviderAdapter adapter, ErrorCode code, String message) {
        store.markFailed(taskId, code, message, clock.instant());
        log.warn("provider submit failed permanently taskId={} provider={} errorCode={}", taskId, adapter.id(),
                code.wireValue());
        reporter.report(reports.failed(taskId, adapter.id().value(), null, code, message));
    }

    private void retryOrGiveUp(ProviderAdapter adapter, String taskId, RetryableException e, int attempt) {
        if (attempt >= properties.maxAttempts()) {
            String message = e instanceof RateLimited
                    ? "The provider stayed over its rate or concurrency limit; gave up after " + attempt + " attempts."
                    : e.getMessage() + " Gave up after " + attempt + " attempts.";
            fail(taskId, adapter, e.errorCode(), message);
            return;
        }
        log.warn("provider submit failed, will retry taskId={} provider={} attempt={} error={}", taskId, adapter.id(),
                attempt, e.getClass().getSimpleName());
        if (e instanceof RateLimited rateLimited) {
            sleeper.sleep(retryDelay.after(rateLimited.retryAfter()));
        }
        throw e;
    }

    private void reportSettled(String taskId, String provider, SubmissionStore.SubmissionRecord record) {
        log.info("re-reporting the settled submission taskId={} provider={} state={}", taskId, provider,
                record.state().wireValue());
        reporter.report(switch (record.state()) {
            case ACCEPTED -> reports.accepted(taskId, provider, require(record.providerTaskId()), record.providerRef());
            case COMPLETED -> reports.completed(taskId, provider, record.providerTaskId(), record.providerRef(),
                    record.outputs());
            case CANCELLED -> cancelledReport(taskId, provider);
            case FAILED, SUBMITTING, NOT_SUBMITTED -> reports.failed(taskId, provider, record.providerTaskId(),
                    require(record.errorCode()), require(record.errorMessage()));
        });
        if (record.state() == SubmissionStore.SubmissionState.ACCEPTED && record.cancelRequested()) {
            // the delivery that recorded the acceptance of a cancelled task may have died before it stopped the task
            cancels.stop(adapters.require(provider), taskId, require(record.providerTaskId()), record.providerRef());
        }
    }

    /** The task was cancelled before its provider got it; the orchestrator ended it already, this only confirms. */
    private TaskStatusReported cancelledReport(String taskId, String provider) {
        return reports.failed(taskId, provider, null, CANCELLED, CANCELLED_MESSAGE);
    }

    private Optional<GenerationRequest> toRequest(TaskSubmitted event) {
        try {
            JsonNode input = json.readTree(event.getInput());
            if (input == null || !input.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new GenerationRequest(event.getTaskId(), event.getModel(), event.getProviderModel(), input,
                    callbackUrls.forTask(event.getProvider(), event.getTaskId()).orElse(null)));
        }
        catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static String require(String value) {
        if (value == null) {
            throw new IllegalStateException("a settled submission lacks a field");
        }
        return value;
    }
}
