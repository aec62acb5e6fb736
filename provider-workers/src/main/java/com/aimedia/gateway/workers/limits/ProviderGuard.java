package com.aimedia.gateway.workers.limits;

import java.time.Duration;
import java.util.function.Supplier;

import com.aimedia.gateway.workers.provider.spi.PermanentException;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.RateLimited;
import com.aimedia.gateway.workers.provider.spi.RetryableException;

/**
 * Guards the calls to one provider account: the circuit breaker first (fail fast, no
 * waiting), then a token of the rate limit and a slot of the concurrency limit, each
 * waited for at most {@code maxWait}. A call refused here never reaches the provider: an
 * open circuit throws {@link ProviderUnavailable#notCalled}, a missing token or slot
 * {@link RateLimited}.
 * <p>
 * The breaker counts 5xx and timeouts ({@link ProviderUnavailable},
 * {@code ProviderTimeout}) as failures. A permanent error (content policy, bad request,
 * credentials) is a success: the provider is up and answering. A 429
 * ({@link RateLimited}) is neutral: it is the provider's own back-pressure, handled by
 * the retry backoff and Retry-After, and proves the provider is up without proving it can
 * take work.
 */
final class ProviderGuard {

    private final TokenBucket rate;

    private final ConcurrencyLimit slots;

    private final CircuitBreaker breaker;

    private final Duration maxWait;

    private final Sleeper sleeper;

    private final Refusals refusals;

    ProviderGuard(TokenBucket rate, ConcurrencyLimit slots, CircuitBreaker breaker, Duration maxWait, Sleeper sleeper,
            Refusals refusals) {
        this.rate = rate;
        this.slots = slots;
        this.breaker = breaker;
        this.maxWait = maxWait;
        this.sleeper = sleeper;
        this.refusals = refusals;
    }

    <T> T call(Supplier<T> call) {
        breaker.tryAcquire().ifPresent(pausedFor -> {
            refusals.circuit().run();
            throw ProviderUnavailable
                .notCalled("The provider is failing; calls are paused for " + seconds(pausedFor) + " s.");
        });
        boolean made = false;
        try {
            awaitToken();
            awaitSlot();
            made = true;
            return callAndRecord(call);
        }
        finally {
            if (!made) {
                breaker.onNeutral();
            }
        }
    }

    CircuitBreaker.State circuit() {
        return breaker.state();
    }

    private void awaitToken() {
        TokenBucket.Reservation reservation = rate.reserve(maxWait);
        if (!reservation.granted()) {
            refusals.rate().run();
            throw new RateLimited("Calls to the provider are over the gateway's rate limit; a call is due in "
                    + seconds(reservation.delay()) + " s.", reservation.delay());
        }
        if (reservation.delay().isPositive()) {
            sleeper.sleep(reservation.delay());
        }
    }

    private void awaitSlot() {
        if (!slots.tryAcquire(maxWait)) {
            refusals.concurrency().run();
            throw new RateLimited("Too many calls to the provider are in flight.", null);
        }
    }

    private <T> T callAndRecord(Supplier<T> call) {
        try {
            T result = call.get();
            breaker.onSuccess();
            return result;
        }
        catch (PermanentException e) {
            breaker.onSuccess();
            throw e;
        }
        catch (RateLimited e) {
            breaker.onNeutral();
            throw e;
        }
        catch (RetryableException e) {
            breaker.onFailure();
            throw e;
        }
        catch (RuntimeException e) {
            // not a classified provider answer (a bug, an unexpected body): says nothing
            // about the provider's health
            breaker.onNeutral();
            throw e;
        }
        finally {
            slots.release();
        }
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    /** Counts the calls refused here, one counter per reason. */
    record Refusals(Runnable rate, Runnable concurrency, Runnable circuit) {
    }

}
