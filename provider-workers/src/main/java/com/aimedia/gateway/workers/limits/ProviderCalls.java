package com.aimedia.gateway.workers.limits;

import java.util.function.Supplier;

import com.aimedia.gateway.workers.provider.spi.PermanentException;
import com.aimedia.gateway.workers.provider.spi.ProviderId;
import com.aimedia.gateway.workers.provider.spi.RateLimited;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Every provider call: guarded by the provider's limits and circuit breaker
 * ({@link ProviderGuard}), and timed as {@value WorkerMetrics#PROVIDER_REQUESTS} with its
 * provider, operation and outcome. A call the guard refuses is not timed: it never
 * reached the provider.
 */
public final class ProviderCalls {

    private final MeterRegistry meters;

    private final ProviderGuards guards;

    public ProviderCalls(MeterRegistry meters, ProviderGuards guards) {
        this.meters = meters;
        this.guards = guards;
    }

    public <T> T submit(ProviderId provider, Supplier<T> call) {
        return guards.forProvider(provider).call(() -> timed(provider, WorkerMetrics.OPERATION_SUBMIT, call));
    }

    public <T> T poll(ProviderId provider, Supplier<T> call) {
        return guards.forProvider(provider).call(() -> timed(provider, WorkerMetrics.OPERATION_POLL, call));
    }

    public <T> T cancel(ProviderId provider, Supplier<T> call) {
        return guards.forProvider(provider).call(() -> timed(provider, WorkerMetrics.OPERATION_CANCEL, call));
    }

    private <T> T timed(ProviderId provider, String operation, Supplier<T> call) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = WorkerMetrics.OUTCOME_RETRYABLE;
        try {
            T result = call.get();
            outcome = WorkerMetrics.OUTCOME_SUCCESS;
            return result;
        }
        catch (PermanentException e) {
            outcome = WorkerMetrics.OUTCOME_PERMANENT;
            throw e;
        }
        catch (RateLimited e) {
            outcome = WorkerMetrics.OUTCOME_RATE_LIMITED;
            throw e;
        }
        finally {
            sample.stop(Timer.builder(WorkerMetrics.PROVIDER_REQUESTS)
                .description("Provider API calls by provider, operation and outcome")
                .tag(WorkerMetrics.TAG_PROVIDER, provider.value())
                .tag(WorkerMetrics.TAG_OPERATION, operation)
                .tag(WorkerMetrics.TAG_OUTCOME, outcome)
                .register(meters));
        }
    }

}
