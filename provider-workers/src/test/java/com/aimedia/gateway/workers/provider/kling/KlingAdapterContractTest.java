package com.aimedia.gateway.workers.provider.kling;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.aimedia.gateway.simulators.kling.KlingError;
import com.aimedia.gateway.simulators.kling.KlingSimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.SimulatedAdapterContract;

class KlingAdapterContractTest extends SimulatedAdapterContract<KlingSimulator> {

    static final String ACCESS_KEY = "contract-access-key-4f1c";
    static final String SECRET_KEY = "contract-secret-key-9d2e";

    @Override
    protected KlingSimulator startSimulator() {
        return KlingSimulator.start(KlingSimulator.Config.defaults()
            .withCredentials(ACCESS_KEY, SECRET_KEY)
            .withTimings(QUEUED_FOR, RUNNING_FOR));
    }

    @Override
    protected String credential() {
        return SECRET_KEY;
    }

    @Override
    protected ProviderAdapter adapterUsing(String secretKey) {
        return new KlingAdapter(new KlingProperties(URI.create(simulator.baseUrl()), ACCESS_KEY, secretKey,
                CONNECT_TIMEOUT, READ_TIMEOUT), json, Clock.systemUTC());
    }

    @Override
    protected GenerationRequest successfulRequest(String taskId) {
        return new GenerationRequest(taskId, "kling-v2", "kling-v2-master",
                json.readTree("{\"prompt\":\"a lighthouse at dawn\",\"duration\":5}"));
    }

    @Override
    protected List<FailureCase> documentedFailures() {
        return List
            .of(new FailureCase("failed: risk control", new GenerationRequest("task_cp", "kling-v2", "kling-v2-master",
                    json.readTree("{\"prompt\":\"x [sim:content-policy]\"}")), ErrorCode.CONTENT_POLICY));
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

    /**
     * Kling's docs do not say it does this, but the adapter branches on the body code, so
     * it is covered anyway.
     */
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
        return List.of(ACCESS_KEY, SECRET_KEY, wrongCredential());
    }

}
