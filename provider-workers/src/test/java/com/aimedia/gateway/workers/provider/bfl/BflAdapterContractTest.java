package com.aimedia.gateway.workers.provider.bfl;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.aimedia.gateway.simulators.bfl.BflError;
import com.aimedia.gateway.simulators.bfl.BflSimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.SimulatedAdapterContract;

class BflAdapterContractTest extends SimulatedAdapterContract<BflSimulator> {

    static final String API_KEY = "contract-bfl-key-7a1f";

    @Override
    protected BflSimulator startSimulator() {
        return BflSimulator
            .start(BflSimulator.Config.defaults().withApiKey(API_KEY).withTimings(QUEUED_FOR, RUNNING_FOR));
    }

    @Override
    protected String credential() {
        return API_KEY;
    }

    @Override
    protected ProviderAdapter adapterUsing(String key) {
        String regional = URI.create(simulator.regionalOrigin()).getAuthority();
        return new BflAdapter(new BflProperties(URI.create(simulator.baseUrl()), key, List.of("*.bfl.ai", regional),
                null, CONNECT_TIMEOUT, READ_TIMEOUT), json);
    }

    private GenerationRequest request(String taskId, String model, String prompt) {
        return new GenerationRequest(taskId, model, model, json.readTree("{\"prompt\":\"" + prompt + "\"}"));
    }

    @Override
    protected GenerationRequest successfulRequest(String taskId) {
        return request(taskId, "flux-pro", "flux-pro-1.1", "a lighthouse at dawn");
    }

    private GenerationRequest request(String taskId, String model, String providerModel, String prompt) {
        return new GenerationRequest(taskId, model, providerModel, json.readTree("{\"prompt\":\"" + prompt + "\"}"));
    }

    @Override
    protected List<FailureCase> documentedFailures() {
        return List.of(
                new FailureCase("Content Moderated", request("task_cm", "flux-kontext-pro", "x [sim:content-policy]"),
                        ErrorCode.CONTENT_POLICY),
                new FailureCase("Request Moderated", request("task_rm", "flux-dev", "x [sim:request-moderated]"),
                        ErrorCode.CONTENT_POLICY),
                new FailureCase("Error", request("task_er", "flux-pro-1.1", "x [sim:task-error]"),
                        ErrorCode.PROVIDER_ERROR));
    }

    @Override
    protected void rateLimitNextSubmit(Duration retryAfter) {
        simulator.failNextSubmit(BflError.tooManyActiveTasks(retryAfter));
    }

    @Override
    protected void serverErrorOnNextSubmit() {
        simulator.failNextSubmit(BflError.serverError());
    }

    @Override
    protected void serverErrorOnNextPoll() {
        simulator.failNextPoll(BflError.unavailable());
    }

    @Override
    protected void forbiddenOnNextSubmit() {
        simulator.failNextSubmit(BflError.forbidden());
    }

    /** BFL reports a failed generation as HTTP 200 with {@code status: Error}. */
    @Override
    protected void errorInsideOkOnNextPoll() {
        simulator
            .answerNextPoll("{\"id\":\"x\",\"status\":\"Error\",\"result\":null,\"details\":{\"error\":\"boom\"}}");
    }

    @Override
    protected void reportUndocumentedStatus(ProviderTaskRef ref) {
        simulator.forceStatus(ref.providerTaskId(), "Archived");
    }

}
