package com.aimedia.gateway.callback.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.aimedia.gateway.callback.delivery.AttemptResult.NoResponse;
import com.aimedia.gateway.callback.delivery.AttemptResult.Refused;
import com.aimedia.gateway.callback.delivery.AttemptResult.Responded;
import com.aimedia.gateway.callback.delivery.AttemptResult.TimedOut;
import com.aimedia.gateway.callback.signing.SigningSecrets;
import com.aimedia.gateway.callback.signing.WebhookSigner;
import com.aimedia.gateway.platform.tracing.TaskTraces;
import com.aimedia.gateway.storage.TaskBodyLinks;
import com.aimedia.gateway.urlguard.CallbackUrlGuard;
import com.aimedia.gateway.urlguard.CheckedUrl;
import com.aimedia.gateway.urlguard.RejectedUrlException;
import com.aimedia.gateway.urlguard.UnresolvedHostException;

/**
 * Runs one attempt of a claimed delivery: keeps per-task version order, checks the URL,
 * renders the body with output links signed for this attempt (a retry hours later still
 * carries working links, the same a GET returns then), signs with a fresh timestamp,
 * posts, and records the attempt and the next state.
 */
final class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryRepository repository;

    private final CallbackUrlGuard urlGuard;

    private final WebhookSender sender;

    private final SigningSecrets secrets;

    private final RetryPolicy retryPolicy;

    private final Endpoints endpoints;

    private final CallbackMetrics metrics;

    private final Clock clock;

    private final Duration orderRecheck;

    private final TaskBodyLinks links;

    private final TaskTraces traces;

    DeliveryWorker(DeliveryRepository repository, CallbackUrlGuard urlGuard, WebhookSender sender,
            SigningSecrets secrets, RetryPolicy retryPolicy, Endpoints endpoints, CallbackMetrics metrics, Clock clock,
            Duration orderRecheck, TaskBodyLinks links) {
        this(repository, urlGuard, sender, secrets, retryPolicy, endpoints, metrics, clock, orderRecheck, links,
                TaskTraces.none());
    }

    DeliveryWorker(DeliveryRepository repository, CallbackUrlGuard urlGuard, WebhookSender sender,
            SigningSecrets secrets, RetryPolicy retryPolicy, Endpoints endpoints, CallbackMetrics metrics, Clock clock,
            Duration orderRecheck, TaskBodyLinks links, TaskTraces traces) {
        this.traces = traces;
        this.repository = repository;
        this.endpoints = endpoints;
        this.urlGuard = urlGuard;
        this.sender = sender;
        this.secrets = secrets;
        this.retryPolicy = retryPolicy;
        this.metrics = metrics;
        this.clock = clock;
        this.orderRecheck = orderRecheck;
        this.links = links;
    }

    void run(Delivery delivery) {
        MDC.put("taskId", delivery.taskId());
        try {
            if (inOrder(delivery) && endpointEnabled(delivery)) {
                // the attempt runs from the dispatcher's schedule: it joins the task's
                // trace, and so does the POST
                traces.inTrace(delivery.traceParent(), "webhook attempt", () -> attempt(delivery));
            }
        }
        catch (WebhookSender.AttemptInterruptedException e) {
            repository.release(delivery, clock.instant(), clock.instant());
        }
        finally {
            MDC.remove("taskId");
        }
    }

    /**
     * False if the delivery was superseded or has to wait for an older version still
     * being sent.
     */
    private boolean inOrder(Delivery delivery) {
        Instant now = clock.instant();
        if (repository.newerVersionExists(delivery.taskId(), delivery.version())) {
            repository.supersede(delivery, now);
            log.info("webhook superseded taskId={} version={}", delivery.taskId(), delivery.version());
            return false;
        }
        if (repository.olderVersionSending(delivery.taskId(), delivery.version())) {
            repository.release(delivery, now.plus(orderRecheck), now);
            log.debug("webhook waits for an older version taskId={} version={}", delivery.taskId(), delivery.version());
            return false;
        }
        return true;
    }

    /**
     * False (and the delivery abandoned as gone) if its URL was disabled; a manual
     * redelivery goes out anyway.
     */
    private boolean endpointEnabled(Delivery delivery) {
        if (delivery.manual()) {
            return true;
        }
        Optional<String> disabled = endpoints.disabledReason(delivery.endpointId());
        if (disabled.isEmpty()) {
            return true;
        }
        repository.abandon(delivery, DeliveryState.GONE, AbandonReason.ENDPOINT_DISABLED, clock.instant());
        log.info("webhook not sent, endpoint disabled taskId={} version={} endpointReason={}", delivery.taskId(),
                delivery.version(), disabled.get());
        return false;
    }

    private void attempt(Delivery delivery) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        AttemptResult result = send(delivery, at);
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        Outcome outcome = retryPolicy.decide(result, delivery.attemptNumber());
        if (delivery.manual() && outcome instanceof Outcome.Retry) {
            outcome = new Outcome.Exhausted();
        }
        Instant now = clock.instant();
        DeliveryState next = nextState(delivery, outcome);
        Instant nextAttemptAt = next == DeliveryState.PENDING && outcome instanceof Outcome.Retry retry
                ? retry.nextAttemptAt() : null;
        AbandonReason abandoned = abandonReason(delivery, outcome);
        boolean recorded = repository.finish(delivery, attemptRecord(at, latency, result), next, nextAttemptAt,
                abandoned, now);
        updateEndpoint(delivery, outcome, now);
        metrics.attempted(outcome, result, latency);
        if (outcome instanceof Outcome.Delivered && recorded) {
            metrics.delivered(Duration.between(delivery.createdAt(), now));
        }
        log.info("webhook attempt taskId={} version={} attempt={} statusClass={} outcome={} state={} recorded={}",
                delivery.taskId(), delivery.version(), delivery.attemptNumber(), result.statusClass(), outcome.tag(),
                next.value(), recorded);
    }

    private void updateEndpoint(Delivery delivery, Outcome outcome, Instant now) {
        switch (outcome) {
            case Outcome.Delivered delivered -> endpoints.succeeded(delivery.endpointId());
            case Outcome.Gone gone -> endpoints.gone(delivery, now);
            case Outcome.Retry retry -> endpoints.failed(delivery, now);
            case Outcome.Exhausted exhausted -> endpoints.failed(delivery, now);
            case Outcome.Refused refused -> {
                // the URL itself is refused: nothing about the receiver's health
            }
        }
    }

    private static @Nullable AbandonReason abandonReason(Delivery delivery, Outcome outcome) {
        return switch (outcome) {
            case Outcome.Delivered delivered -> null;
            case Outcome.Retry retry -> null;
            case Outcome.Gone gone -> AbandonReason.ENDPOINT_GONE;
            case Outcome.Refused refused -> AbandonReason.URL_REFUSED;
            case Outcome.Exhausted exhausted ->
                delivery.manual() ? AbandonReason.REDELIVERY_FAILED : AbandonReason.RETRIES_EXHAUSTED;
        };
    }

    private AttemptResult send(Delivery delivery, Instant at) {
        CheckedUrl checked;
        try {
            checked = urlGuard.check(delivery.url());
        }
        catch (UnresolvedHostException e) {
            // DNS may be down for a while: retried on the schedule like a connection
            // failure
            return new NoResponse(UnresolvedHostException.class.getSimpleName(), e.reason());
        }
        catch (RejectedUrlException e) {
            return new Refused(e.reason());
        }
        long timestamp = at.getEpochSecond();
        String body = links.render(delivery.body());
        String signature = WebhookSigner.signatureHeader(secrets.activeSecrets(delivery.tenantId()),
                delivery.webhookId(), timestamp, body);
        return sender.post(checked, delivery.webhookId(), timestamp, signature, body, traces.currentTraceParent());
    }

    private DeliveryState nextState(Delivery delivery, Outcome outcome) {
        return switch (outcome) {
            case Outcome.Delivered delivered -> DeliveryState.DELIVERED;
            case Outcome.Gone gone -> DeliveryState.GONE;
            case Outcome.Exhausted exhausted -> DeliveryState.FAILED;
            case Outcome.Refused refused -> DeliveryState.FAILED;
            case Outcome.Retry retry -> repository.newerVersionExists(delivery.taskId(), delivery.version())
                    ? DeliveryState.SUPERSEDED : DeliveryState.PENDING;
        };
    }

    private static AttemptRecord attemptRecord(Instant at, Duration latency, AttemptResult result) {
        long latencyMs = latency.toMillis();
        return switch (result) {
            case Responded responded ->
                new AttemptRecord(at, responded.status(), latencyMs, null, null, responded.responseBody());
            case TimedOut timedOut -> new AttemptRecord(at, null, latencyMs, timedOut.errorClass(), null, null);
            case NoResponse none ->
                new AttemptRecord(at, null, latencyMs, none.errorClass(), nullIfEmpty(none.message()), null);
            case Refused refused -> new AttemptRecord(at, null, latencyMs, RejectedUrlException.class.getSimpleName(),
                    refused.reason(), null);
        };
    }

    private static @Nullable String nullIfEmpty(String value) {
        return value.isEmpty() ? null : value;
    }

}
