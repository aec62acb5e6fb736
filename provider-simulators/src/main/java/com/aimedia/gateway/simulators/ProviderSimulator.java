package com.aimedia.gateway.simulators;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A running local simulator of one provider's real HTTP API. The embedded default starts
 * every simulator and points provider-workers at it with {@link #workerProperties()}.
 */
public interface ProviderSimulator extends AutoCloseable {

    /** The provider id, as in {@code tasks.submitted.<provider>}. */
    String provider();

    /**
     * The simulator's base URL, including the provider's path prefix where the real API
     * has one.
     */
    String baseUrl();

    /**
     * The provider-workers properties that point the provider at this simulator: its base
     * URL and the credentials the simulator accepts (e.g.
     * {@code gateway.providers.kling.base-url}).
     */
    Map<String, String> workerProperties();

    /**
     * Environment variables that hold the provider's real credentials; when all are set,
     * the embedded default uses the real API for this provider instead of the simulator.
     */
    List<String> realCredentialVariables();

    /**
     * Delays every API answer, to exercise client read timeouts ({@link Duration#ZERO} to
     * stop).
     */
    void delayResponses(Duration delay);

    /**
     * How many jobs (tasks, predictions, generations, operations) the simulated provider
     * has created since the simulator started, by its own records: what the real provider
     * would run and bill. Counts every create it accepted, including synchronous
     * generations and a job whose answer was lost on the way back to the caller; never a
     * refused create (401, 403, 429, 5xx, a validation or content rejection at submit), a
     * status query, a lookup or a download. Crash tests compare it with the gateway's
     * tasks (at most one job per task).
     */
    long jobsCreated();

    /**
     * How many jobs a cancel call of the provider's API stopped while they were still
     * running (they end in the provider's cancelled status, or are gone where the
     * provider only deletes). Zero for a provider without a cancel call; a cancel of a
     * job that had already ended is not counted.
     */
    default long jobsCancelled() {
        return 0;
    }

    @Override
    void close();

}
