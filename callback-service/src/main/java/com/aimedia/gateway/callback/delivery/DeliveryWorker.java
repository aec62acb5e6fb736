package com.aimedia.gateway.callback.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

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
import com.aimedia.gateway.urlguard.CallbackUrlGuard;
import com.aimedia.gateway.urlguard.CheckedUrl;
import com.aimedia.gateway.urlguard.RejectedUrlException;

/**
 * Runs one attempt of a claimed delivery: keeps per-task version order, checks the URL, signs with a fresh
 * timestamp, posts, and records the attempt and the next state.
 */
final class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryRepository repository;
    private final CallbackUrlGuard urlGuard;
    private final WebhookSender sender;
    private final SigningSecrets secrets;
    private final RetryPolicy retryPolicy;
    private final CallbackMetrics metrics;
    private final Clock clock;
    private final Duration orderRecheck;

    DeliveryWorker(DeliveryRepository repository, CallbackUrlGuard urlGuard, WebhookSender sender,
            SigningSecrets secrets, RetryPolicy retryPolicy, CallbackMetrics metrics, Clock clock,
            Duration orderRecheck) {
        this.repository = repository;
        this.urlGuard = urlGuard;
        this.sender = sender;
        this.secrets = secrets;
        this.retryPolicy = retryPolicy;
        this.metrics = metrics;
        this.clock = clock;
        this.orderRecheck = orderRecheck;
    }

    void run(Delivery delivery) {
        MDC.put("taskId", delivery.taskId());
        try {
            if (inOrder(delivery)) {
                attempt(delivery);
            }
        }
        catch (WebhookSender.AttemptInterruptedException e) {
            repository.release(delivery, clock.instant(), clock.instant());
        }
        finally {
            MDC.remove("taskId");
        }
    }

    /** False if the delivery was superseded or has to wait for an older version still being sent. */
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

    private void attempt(Delivery delivery) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        AttemptResult result = send(delivery, at);
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        Outcome outcome = retryPolicy.decide(result, delivery.attemptNumber());
        Instant now = clock.instant();
        DeliveryState next = nextState(delivery, outcome);
        Instant nextAttemptAt = next == DeliveryState.PENDING && outcome instanceof Outcome.Retry retry
                ? retry.nextAttemptAt() : null;
        boolean recorded = repository.finish(delivery, attemptRecord(at, latency, result), next, nextAttemptAt, now);
        metrics.attempted(outcome, result, latency);
        log.info("webhook attempt taskId={} version={} attempt={} statusClass={} outcome={} state={} recorded={}",
                delivery.taskId(), delivery.version(), delivery.attemptNumber(), result.statusClass(), outcome.tag(),
                next.value(), recorded);
    }

    private AttemptResult send(Delivery delivery, Instant at) {
        CheckedUrl checked;
        try {
            checked = urlGuard.check(delivery.url());
        }
        catch (RejectedUrlException e) {
            return new Refused(e.reason());
        }
        long timestamp = at.getEpochSecond();
        String signature = WebhookSigner.signatureHeader(secrets.activeSecrets(delivery.tenantId()),
                delivery.webhookId(), timestamp, delivery.body());
        return sender.post(checked.uri(), delivery.webhookId(), timestamp, signature, delivery.body());
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
            case Responded responded -> new AttemptRecord(at, responded.status(), latencyMs, null, null,
                    responded.responseBody());
            case TimedOut timedOut -> new AttemptRecord(at, null, latencyMs, timedOut.errorClass(), null, null);
            case NoResponse none -> new AttemptRecord(at, null, latencyMs, none.errorClass(), nullIfEmpty(none.message()),
                    null);
            case Refused refused -> new AttemptRecord(at, null, latencyMs, RejectedUrlException.class.getSimpleName(),
                    refused.reason(), null);
        };
    }

    private static @Nullable String nullIfEmpty(String value) {
        return value.isEmpty() ? null : value;
    }
}
