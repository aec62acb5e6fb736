package com.aimedia.gateway.workers.provider.kling;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.aimedia.gateway.simulators.kling.KlingError;
import com.aimedia.gateway.simulators.kling.KlingSimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapterContract;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;

import tools.jackson.databind.json.JsonMapper;

class KlingAdapterContractTest extends ProviderAdapterContract {

    static final String ACCESS_KEY = "contract-access-key-4f1c";
    static final String SECRET_KEY = "contract-secret-key-9d2e";

    private final JsonMapper json = JsonMapper.builder().build();
    private KlingSimulator simulator;
    private KlingAdapter adapter;

    @BeforeEach
    void startSimulator() {
        simulator = KlingSimulator.start(KlingSimulator.Config.defaults().withCredentials(ACCESS_KEY, SECRET_KEY)
            .withTimings(Duration.ofMillis(100), Duration.ofMillis(200)));
        adapter = adapter(ACCESS_KEY, SECRET_KEY);
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private KlingAdapter adapter(String accessKey, String secretKey) {
        return new KlingAdapter(new KlingProperties(URI.create(simulator.baseUrl()), accessKey, secretKey,
                Duration.ofSeconds(1), Duration.ofMillis(300)), json, Clock.systemUTC());
    }

    @Override
    protected GenerationRequest successfulRequest(String taskId) {
        return new GenerationRequest(taskId, "kling-v2", "kling-v2-master",
                json.readTree("{\"prompt\":\"a lighthouse at dawn\",\"duration\":5}"));
    }

    @Override
    protected ProviderAdapter adapter() {
        return adapter;
    }

    @Override
    protected ProviderAdapter adapterWithWrongCredentials() {
        return adapter(ACCESS_KEY, "not-the-" + SECRET_KEY);
    }

    @Override
    protected List<FailureCase> documentedFailures() {
        return List.of(new FailureCase("failed: risk control", new GenerationRequest("task_cp", "kling-v2",
                "kling-v2-master", json.readTree("{\"prompt\":\"x [sim:content-policy]\"}")), ErrorCode.CONTENT_POLICY));
    }

    @Override
    protected void rateLimitNextSubmit(Duration retryAfter) {
        simulator.failNextCreate(new KlingError(429, 1303, "parallel task over resource pack limit", retryAfter));
    }

    @Override
    protected void serverErrorOnNextSubmit() {
        simulator.failNextCreate(KlingError.serverError());
    }

    @Override
    protected void serverErrorOnNextPoll() {
        simulator.failNextQuery(KlingError.unavailable());
    }

    @Override
    protected void forbiddenOnNextSubmit() {
        simulator.failNextCreate(KlingError.unauthorizedAccess());
    }

    @Override
    protected void respondSlowly(boolean slow) {
        simulator.delayResponses(slow ? Duration.ofSeconds(1) : Duration.ZERO);
    }

    /** Kling's docs do not say it does this, but the adapter branches on the body code, so it is covered anyway. */
    @Override
    protected void errorInsideOkOnNextPoll() {
        simulator.failNextQuery(new KlingError(200, 5000, "Server internal error"));
    }

    @Override
    protected void reportUndocumentedStatus(ProviderTaskRef ref) {
        simulator.forceStatus(ref.providerTaskId(), "archived");
    }

    @Override
    protected List<String> secrets() {
        return List.of(ACCESS_KEY, SECRET_KEY, "not-the-" + SECRET_KEY);
    }
}
