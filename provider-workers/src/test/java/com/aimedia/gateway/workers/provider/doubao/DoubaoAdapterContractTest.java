package com.aimedia.gateway.workers.provider.doubao;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.simulators.doubao.DoubaoError;
import com.aimedia.gateway.simulators.doubao.DoubaoSimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.SimulatedAdapterContract;

class DoubaoAdapterContractTest extends SimulatedAdapterContract<DoubaoSimulator> {

    static final String API_KEY = "contract-ark-key-5d1e";

    @Override
    protected DoubaoSimulator startSimulator() {
        return DoubaoSimulator
            .start(DoubaoSimulator.Config.defaults().withApiKey(API_KEY).withTimings(QUEUED_FOR, RUNNING_FOR));
    }

    @Override
    protected String credential() {
        return API_KEY;
    }

    @Override
    protected ProviderAdapter adapterUsing(String apiKey) {
        return new DoubaoAdapter(
                new DoubaoProperties(URI.create(simulator.baseUrl()), apiKey, CONNECT_TIMEOUT, READ_TIMEOUT), json);
    }

    private GenerationRequest request(String taskId, String prompt) {
        return new GenerationRequest(taskId, "doubao-seedance-1-0-pro", "doubao-seedance-1-0-pro-250528",
                json.readTree("{\"prompt\":\"" + prompt + "\",\"ratio\":\"16:9\",\"duration\":5}"));
    }

    @Override
    protected GenerationRequest successfulRequest(String taskId) {
        return request(taskId, "a lighthouse at dawn");
    }

    @Override
    protected List<FailureCase> documentedFailures() {
        return List.of(
                new FailureCase("failed: OutputVideoSensitiveContentDetected",
                        request("task_cp", "x [sim:content-policy]"), ErrorCode.CONTENT_POLICY),
                new FailureCase("expired", request("task_exp", "x [sim:expired]"), ErrorCode.PROVIDER_TIMEOUT));
    }

    @Override
    protected void rateLimitNextSubmit(Duration retryAfter) {
        simulator.failNextCreate(DoubaoError.rateLimited().withRetryAfter(retryAfter));
    }

    @Override
    protected void serverErrorOnNextSubmit() {
        simulator.failNextCreate(DoubaoError.internal());
    }

    @Override
    protected void serverErrorOnNextPoll() {
        simulator.failNextGet(
                new DoubaoError(503, "ServiceUnavailable", "Service temporarily unavailable", "ServiceUnavailable"));
    }

    @Override
    protected void forbiddenOnNextSubmit() {
        simulator.failNextCreate(DoubaoError.accessDenied());
    }

    /**
     * Ark reports task failures as a 200 task object with {@code status: failed}; an
     * error body with 200 is covered too.
     */
    @Override
    protected void errorInsideOkOnNextPoll() {
        simulator.failNextGet(new DoubaoError(200, "InternalServiceError", "internal error", "InternalServerError"));
    }

    @Override
    protected void reportUndocumentedStatus(ProviderTaskRef ref) {
        simulator.forceStatus(ref.providerTaskId(), "paused");
    }

    @Test
    void should_cancel_a_queued_task_with_delete_when_cancelled() {
        assertCancelStopsRunningTask(DoubaoSimulator.start(DoubaoSimulator.Config.defaults()
            .withApiKey(API_KEY)
            .withTimings(Duration.ofMinutes(10), Duration.ofMinutes(10))));
    }

}
