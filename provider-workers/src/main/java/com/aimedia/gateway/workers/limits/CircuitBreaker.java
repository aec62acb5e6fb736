package com.aimedia.gateway.workers.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Stops calling a provider that is down. Closed: calls go through, and
 * {@code failureThreshold} consecutive failures open the circuit. Open: calls are refused
 * for {@code openFor}. Half-open: one trial call goes through (the others are refused);
 * its success closes the circuit, its failure opens it again.
 * <p>
 * What counts as a failure is the caller's decision: it reports {@link #onSuccess},
 * {@link #onFailure} or, for an outcome that says nothing about the provider's health,
 * {@link #onNeutral}.
 */
final class CircuitBreaker {

    enum State {

        CLOSED(0), OPEN(1), HALF_OPEN(0.5);

        private final double gaugeValue;

        State(double gaugeValue) {
            this.gaugeValue = gaugeValue;
        }

        double gaugeValue() {
            return gaugeValue;
        }

    }

    private final int failureThreshold;

    private final Duration openFor;

    private final Clock clock;

    private State state = State.CLOSED;

    private int consecutiveFailures;

    private Instant openedAt = Instant.EPOCH;

    private boolean trialInFlight;

    CircuitBreaker(int failureThreshold, Duration openFor, Clock clock) {
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /**
     * Asks to make a call. Empty means go ahead (then report its outcome); a value means
     * refused, for about that long.
     */
    synchronized Optional<Duration> tryAcquire() {
        if (state == State.OPEN) {
            Duration remaining = Duration.between(clock.instant(), openedAt.plus(openFor));
            if (remaining.isPositive()) {
                return Optional.of(remaining);
            }
            state = State.HALF_OPEN;
        }
        if (state == State.HALF_OPEN) {
            if (trialInFlight) {
                return Optional.of(Duration.ZERO);
            }
            trialInFlight = true;
        }
        return Optional.empty();
    }

    synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    synchronized void onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
        trialInFlight = false;
    }

    /**
     * The call told nothing about the provider's health (or was not made): a half-open
     * circuit awaits another trial.
     */
    synchronized void onNeutral() {
        trialInFlight = false;
    }

    /** The state as of now: an open circuit whose time is up reads half-open. */
    synchronized State state() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(openFor))) {
            return State.HALF_OPEN;
        }
        return state;
    }

}
