package com.aimedia.gateway.workers.submission;

import com.aimedia.gateway.workers.urls.ProviderCallbackUrls;
import com.aimedia.gateway.workers.outputs.OutputPublisher;
import com.aimedia.gateway.workers.outputs.OutputRejectedException;
import com.aimedia.gateway.workers.outputs.OutputUnavailableException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.platform.mongo.MongoOutages;
import com.aimedia.gateway.workers.limits.ProviderCalls;
import com.aimedia.gateway.workers.limits.Sleeper;
import com.aimedia.gateway.workers.limits.WorkerMetrics;
import com.aimedia.gateway.workers.provider.ProviderAdapterLookup;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.PermanentException;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderTimeout;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.RateLimited;
import com.aimedia.gateway.workers.provider.spi.RetryableException;
import com.aimedia.gateway.workers.provider.spi.Submission;
import com.aimedia.gateway.workers.reporting.StatusReport;
import com.aimedia.gateway.workers.reporting.StatusReporter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submits a task to its provider at most once (docs/design.md section 5): the attempt is
 * recorded in {@code submissions} before the call; a redelivery re-reports a settled
 * attempt, looks up an attempt with an unknown outcome ({@link ProviderAdapter#recover})
 * and only submits again when the provider provably has no such task. Retryable provider
 * errors are rethrown so the Kafka error handler retries, until {@code maxAttempts},
 * where the task is reported FAILED so it never hangs in a dead-letter topic.
 * <p>
 * A submit the provider refuses for its rate or concurrency limit ({@link RateLimited}:
 * the account is full) waits its turn instead: after the rate-limit back-off it throws
 * {@link WaitingItsTurn}, which the error handler redelivers without limit, and the
 * attempt does not count toward {@code maxAttempts}; only past the
 * {@code rateLimitPatience} from the first refusal does the task fail
 * {@code rate_limited}. The record waits at the head of its partition meanwhile, so the
 * records behind it in that partition wait too: that is the provider's queue. Each
 * delivery blocks its consumer for one provider call and one back-off (at most 2.4 x
 * {@code rateLimitBackoff}), well within the poll interval. The provider's polls and
 * cancels are consumed by their own container ({@code messaging.ProviderListeners}), so a
 * cancel of a waiting task is handled meanwhile and its next redelivery finds it
 * cancelled.
 */
public final class SubmissionService {

    private static final Logger log = LoggerFactory.getLogger(SubmissionService.class);

    private static final Duration IN_FLIGHT_RECHECK = Duration.ofSeconds(1);

    private static final Duration OUTAGE_FIRST_WAIT = Duration.ofMillis(200);

    private static final Duration OUTAGE_MAX_WAIT = Duration.ofSeconds(5);

    /** The orchestrator's error code for a task its owner cancelled. */
    static final String CANCELLED = "cancelled";
    static final String CANCELLED_MESSAGE = "The task was cancelled by its owner.";

    private final ProviderAdapterLookup adapters;

    private final SubmissionStore store;

    private final StatusReporter reporter;

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

    private final RateLimitPatience patience;

    private final MeterRegistry meters;

    SubmissionService(ProviderAdapterLookup adapters, SubmissionStore store, SubmissionLeases leases,
            StatusReporter reporter, ProviderCalls calls, JsonMapper json, Clock clock, SubmissionProperties properties,
            RetryDelay retryDelay, Sleeper sleeper, OutputPublisher outputs, ProviderCallbackUrls callbackUrls,
            MeterRegistry meters) {
        this.adapters = adapters;
        this.store = store;
        this.leases = leases;
        this.reporter = reporter;
        this.calls = calls;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.retryDelay = retryDelay;
        this.sleeper = sleeper;
        this.outputs = outputs;
        this.callbackUrls = callbackUrls;
        this.cancels = new ProviderCancels(calls);
        this.patience = new RateLimitPatience(properties.rateLimitPatience());
        this.meters = meters;
    }

    public void on(SubmitTask event) {
        ProviderAdapter adapter = adapters.require(event.provider());
        Optional<GenerationRequest> request = toRequest(event);
        SubmissionStore.Claim claim = claimWhenFree(event);
        switch (claim) {
            case SubmissionStore.Claim.Settled settled ->
                reportSettled(event.taskId(), event.provider(), settled.record());
            case SubmissionStore.Claim.Fresh fresh -> leases.holding(event.taskId(), () -> {
                if (!endedMeanwhile(event)) {
                    request.ifPresentOrElse(r -> submit(adapter, r, fresh.attempt()), () -> fail(event.taskId(),
                            adapter, ErrorCode.INVALID_PARAMETER, "Invalid parameter: input must be a JSON object"));
                }
            });
            case SubmissionStore.Claim.Uncertain uncertain -> leases.holding(event.taskId(),
                    () -> request.ifPresentOrElse(r -> recoverThenSubmit(adapter, r, uncertain.attempt()),
                            () -> fail(event.taskId(), adapter, ErrorCode.INVALID_PARAMETER,
                                    "Invalid parameter: input must be a JSON object")));
            case SubmissionStore.Claim.InFlight inFlight ->
                throw new IllegalStateException("claimWhenFree returned " + inFlight);
        }
    }

    /**
     * Whether the orchestrator ended the task before it was sent (a task older than
     * {@code endedCheckAfter} is looked up: its deadline may have passed while it queued
     * behind the provider account's limit). Such a task is never sent: a provider job for
     * it would run, and be paid for, for nothing. Its attempt is settled cancelled.
     */
    private boolean endedMeanwhile(SubmitTask event) {
        Instant now = clock.instant();
        if (Duration.between(event.createdAt(), now).compareTo(properties.endedCheckAfter()) < 0
                || !store.taskHasEnded(event.taskId())) {
            return false;
        }
        store.markCancelled(event.taskId(), now);
        log.info("task ended before it was sent, the provider is never asked taskId={} provider={}", event.taskId(),
                event.provider());
        return true;
    }

    /**
     * Claims the attempt, waiting while another live worker process makes it (a
     * redelivery after a rebalance): its call may still create the provider task, so
     * looking the task up now could submit it twice.
     */
    private SubmissionStore.Claim claimWhenFree(SubmitTask event) {
        while (true) {
            SubmissionStore.Claim claim = store.claim(event.taskId(), event.provider(), event.tenantId(),
                    clock.instant());
            if (!(claim instanceof SubmissionStore.Claim.InFlight inFlight)) {
                return claim;
            }
            log.info("submission in flight on another worker, waiting for it taskId={} provider={} leaseUntil={}",
                    event.taskId(), event.provider(), inFlight.leaseUntil());
            Duration untilFree = Duration.between(clock.instant(), inFlight.leaseUntil());
            sleeper.sleep(untilFree.compareTo(IN_FLIGHT_RECHECK) < 0 && !untilFree.isNegative() ? untilFree
                    : IN_FLIGHT_RECHECK);
        }
    }

    /**
     * The orchestrator has not been told that the provider accepted the task: re-report a
     * settled submission (its report may have been lost in a crash). An attempt still
     * pending is being made or will be retried by the Kafka redelivery of its
     * TaskSubmitted, which carries the input a recovery needs; a task with no attempt yet
     * is still waiting in its topic.
     */
    public void check(CheckSubmission event) {
        Optional<SubmissionStore.SubmissionRecord> record = store.find(event.taskId());
        if (record.isEmpty()) {
            // the usual answer for a task queued behind a full provider account, where a
            // wave of checks follows a burst: debug, not one info line per queued task
            log.debug("submission check: no attempt recorded yet taskId={} provider={}", event.taskId(),
                    event.provider());
            return;
        }
        switch (record.get().state()) {
            case ACCEPTED, COMPLETED, FAILED, CANCELLED ->
                reportSettled(event.taskId(), event.provider(), record.get());
            case SUBMITTING, NOT_SUBMITTED -> log.info("submission check: attempt still pending taskId={} provider={}",
                    event.taskId(), event.provider());
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
        catch (RateLimited e) {
            waitTurnOrGiveUp(adapter, request.taskId(), e);
        }
        catch (RetryableException e) {
            if (provablyNotReceived(e)) {
                store.markNotSubmitted(request.taskId(), clock.instant());
            }
            // otherwise the outcome is unknown: the submission stays 'submitting' and the
            // retry goes through recover()
            retryOrGiveUp(adapter, request.taskId(), e, attempt);
        }
    }

    /**
     * A provider's 429 and a call the gateway refused itself (open circuit) provably
     * created no task.
     */
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
            // a synchronous result that cannot be fetched cannot be fetched later either:
            // there is nothing to poll
            fail(taskId, adapter, ErrorCode.PROVIDER_ERROR, e.getMessage());
            return;
        }
        boolean cancelled = recordAccepted(taskId, submission, published);
        String provider = adapter.id().value();
        log.info("provider task submitted taskId={} provider={} providerTaskId={}", taskId, provider,
                submission.providerTaskId());
        reporter.report(submission.isCompleted()
                ? StatusReport.completed(taskId, provider, submission.providerTaskId(), submission.providerRef(),
                        published)
                : StatusReport.accepted(taskId, provider, submission.providerTaskId(), submission.providerRef()));
        if (cancelled && !submission.isCompleted()) {
            // the owner cancelled while this submit was in flight: the cancel found
            // nothing to stop then
            cancels.stop(adapter, taskId, submission.providerTaskId(), submission.providerRef());
        }
    }

    /**
     * The provider has created the task and only this process holds its id: while MongoDB
     * is out the record is retried here rather than thrown, since a redelivery would find
     * an attempt of unknown outcome, and a provider without a look-up by caller id would
     * then fail a task it is running (and the client would lose a paid job). Returns
     * whether the owner cancelled the task while the submit was in flight.
     */
    private boolean recordAccepted(String taskId, Submission submission, List<String> published) {
        Duration wait = OUTAGE_FIRST_WAIT;
        while (true) {
            try {
                return store.markAccepted(taskId, submission, published, clock.instant());
            }
            catch (RuntimeException e) {
                if (!MongoOutages.isOutage(e) || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                log.warn("MongoDB out while recording an accepted submission, retrying taskId={} providerTaskId={} "
                        + "retryIn={} error={}", taskId, submission.providerTaskId(), wait, e.toString());
                sleeper.sleep(wait);
                wait = wait.multipliedBy(2).compareTo(OUTAGE_MAX_WAIT) > 0 ? OUTAGE_MAX_WAIT : wait.multipliedBy(2);
            }
        }
    }

    private void fail(String taskId, ProviderAdapter adapter, ErrorCode code, @Nullable String message) {
        String reason = message == null ? StatusReport.NO_REASON : message;
        store.markFailed(taskId, code, reason, clock.instant());
        log.warn("provider submit failed permanently taskId={} provider={} errorCode={}", taskId, adapter.id(),
                code.wireValue());
        reporter.report(StatusReport.failed(taskId, adapter.id().value(), null, code, reason));
    }

    /**
     * A provider error or timeout, or a look-up of an unknown outcome that was
     * rate-limited: the look-up counts, since the attempt may have created the task and
     * is not waiting in the provider's queue.
     */
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

    /**
     * The provider is full (its 429, or the gateway's own limit for it): provably not
     * received, so the redelivery submits again without a look-up.
     */
    private void waitTurnOrGiveUp(ProviderAdapter adapter, String taskId, RateLimited e) {
        Instant now = clock.instant();
        Optional<Instant> firstRefusedAt = store.markRateLimited(taskId, now);
        if (firstRefusedAt.isEmpty()) {
            // settled by another delivery meanwhile: the redelivery reports it
            throw new WaitingItsTurn(taskId, adapter.id().value(), e);
        }
        switch (patience.decide(firstRefusedAt.get(), now)) {
            case RateLimitPatience.Decision.GiveUp giveUp -> {
                countRateLimited(adapter, WorkerMetrics.OUTCOME_GAVE_UP);
                fail(taskId, adapter, ErrorCode.RATE_LIMITED, giveUp.message());
            }
            case RateLimitPatience.Decision.Wait wait -> {
                countRateLimited(adapter, WorkerMetrics.OUTCOME_WAITED);
                Duration delay = retryDelay.after(e.retryAfter());
                log.info(
                        "provider is over its rate or concurrency limit, the task waits its turn taskId={} "
                                + "provider={} refusedFor={} retryIn={}",
                        taskId, adapter.id(), wait.refusedFor(), delay);
                sleeper.sleep(delay);
                throw new WaitingItsTurn(taskId, adapter.id().value(), e);
            }
        }
    }

    private void countRateLimited(ProviderAdapter adapter, String outcome) {
        rateLimitedCounter(meters, adapter.id().value(), outcome).increment();
    }

    /** One provider's rate-limited submits with one outcome (registered at 0 if new). */
    static Counter rateLimitedCounter(MeterRegistry meters, String provider, String outcome) {
        return Counter.builder(WorkerMetrics.SUBMISSIONS_RATE_LIMITED)
            .description("Submits the provider refused for its rate or concurrency limit: waited (the task stays "
                    + "queued and is retried) or gave up (the task failed rate_limited)")
            .tag(WorkerMetrics.TAG_PROVIDER, provider)
            .tag(WorkerMetrics.TAG_OUTCOME, outcome)
            .register(meters);
    }

    private void reportSettled(String taskId, String provider, SubmissionStore.SubmissionRecord record) {
        log.info("re-reporting the settled submission taskId={} provider={} state={}", taskId, provider,
                record.state().wireValue());
        reporter.report(switch (record.state()) {
            case ACCEPTED ->
                StatusReport.accepted(taskId, provider, require(record.providerTaskId()), record.providerRef());
            case COMPLETED -> StatusReport.completed(taskId, provider, record.providerTaskId(), record.providerRef(),
                    record.outputs());
            case CANCELLED -> cancelledReport(taskId, provider);
            case FAILED, SUBMITTING, NOT_SUBMITTED -> StatusReport.failed(taskId, provider, record.providerTaskId(),
                    require(record.errorCode()), require(record.errorMessage()));
        });
        if (record.state() == SubmissionStore.SubmissionState.ACCEPTED && record.cancelRequested()) {
            // the delivery that recorded the acceptance of a cancelled task may have died
            // before it stopped the task
            cancels.stop(adapters.require(provider), taskId, require(record.providerTaskId()), record.providerRef());
        }
    }

    /**
     * The task was cancelled before its provider got it; the orchestrator ended it
     * already, this only confirms.
     */
    private static StatusReport cancelledReport(String taskId, String provider) {
        return StatusReport.failed(taskId, provider, null, CANCELLED, CANCELLED_MESSAGE);
    }

    private Optional<GenerationRequest> toRequest(SubmitTask event) {
        try {
            JsonNode input = json.readTree(event.input());
            if (input == null || !input.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new GenerationRequest(event.taskId(), event.model(), event.providerModel(), input,
                    callbackUrls.forTask(event.provider(), event.taskId()).orElse(null)));
        }
        catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static String require(@Nullable String value) {
        if (value == null) {
            throw new IllegalStateException("a settled submission lacks a field");
        }
        return value;
    }

}
