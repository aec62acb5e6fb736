package com.aimedia.gateway.workers.provider.veo;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.aimedia.gateway.simulators.veo.VeoError;
import com.aimedia.gateway.simulators.veo.VeoSimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.SimulatedAdapterContract;

class VeoAdapterContractTest extends SimulatedAdapterContract<VeoSimulator> {

    static final String API_KEY = "contract-gemini-key-0d9f";

    @Override
    protected VeoSimulator startSimulator() {
        return VeoSimulator.start(VeoSimulator.Config.defaults()
            .withCredentials(API_KEY, "unused-token")
            .withTimings(QUEUED_FOR, RUNNING_FOR));
    }

    @Override
    protected String credential() {
        return API_KEY;
    }

    @Override
    protected ProviderAdapter adapterUsing(String apiKey) {
        return new VeoAdapter(new VeoProperties(VeoProperties.Endpoint.GEMINI, URI.create(simulator.baseUrl()), apiKey,
                null, null, "us-central1", null, URI.create("https://storage.googleapis.com"), CONNECT_TIMEOUT,
                READ_TIMEOUT), json);
    }

    private GenerationRequest request(String taskId, String input) {
        return new GenerationRequest(taskId, "veo-3", "veo-3.0-generate-001", json.readTree(input));
    }

    @Override
    protected GenerationRequest successfulRequest(String taskId) {
        return request(taskId, "{\"prompt\":\"a lighthouse at dawn\",\"durationSeconds\":8,\"aspectRatio\":\"16:9\"}");
    }

    @Override
    protected List<FailureCase> documentedFailures() {
        return List.of(
                new FailureCase("done, zero samples (safety filter)",
                        request("task_cp", "{\"prompt\":\"x [sim:content-policy]\"}"), ErrorCode.CONTENT_POLICY),
                new FailureCase("done with error", request("task_err", "{\"prompt\":\"x [sim:op-error]\"}"),
                        ErrorCode.PROVIDER_ERROR));
    }

    @Override
    protected void rateLimitNextSubmit(Duration retryAfter) {
        simulator.failNextSubmit(VeoError.resourceExhausted(retryAfter));
    }

    @Override
    protected void serverErrorOnNextSubmit() {
        simulator.failNextSubmit(VeoError.internal());
    }

    @Override
    protected void serverErrorOnNextPoll() {
        simulator.failNextGet(VeoError.unavailable());
    }

    @Override
    protected void forbiddenOnNextSubmit() {
        simulator.failNextSubmit(VeoError.permissionDenied());
    }

    /**
     * A done operation with {@code error} arrives as HTTP 200: that is Google's error
     * inside a 200.
     */
    @Override
    protected void errorInsideOkOnNextPoll() {
        throw new UnsupportedOperationException("covered by documentedFailures (done with error)");
    }

    @Override
    protected boolean reportsErrorsInsideOk() {
        return false;
    }

    @Override
    protected void reportUndocumentedStatus(ProviderTaskRef ref) {
        simulator.forceDone(ref.providerTaskId(), "maybe");
    }

}
