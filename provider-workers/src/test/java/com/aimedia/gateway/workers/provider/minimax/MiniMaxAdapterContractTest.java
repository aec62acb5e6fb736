package com.aimedia.gateway.workers.provider.minimax;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.aimedia.gateway.simulators.minimax.MiniMaxError;
import com.aimedia.gateway.simulators.minimax.MiniMaxSimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.SimulatedAdapterContract;

class MiniMaxAdapterContractTest extends SimulatedAdapterContract<MiniMaxSimulator> {

    static final String API_KEY = "contract-minimax-key-51c0";

    @Override
    protected MiniMaxSimulator startSimulator() {
        return MiniMaxSimulator
            .start(MiniMaxSimulator.Config.defaults().withApiKey(API_KEY).withTimings(QUEUED_FOR, RUNNING_FOR));
    }

    @Override
    protected String credential() {
        return API_KEY;
    }

    @Override
    protected ProviderAdapter adapterUsing(String apiKey) {
        return new MiniMaxAdapter(
                new MiniMaxProperties(URI.create(simulator.baseUrl()), apiKey, CONNECT_TIMEOUT, READ_TIMEOUT), json);
    }

    private GenerationRequest request(String taskId, String input) {
        return new GenerationRequest(taskId, "MiniMax-Hailuo-2.3", "MiniMax-Hailuo-2.3", json.readTree(input));
    }

    @Override
    protected GenerationRequest successfulRequest(String taskId) {
        return request(taskId, "{\"prompt\":\"a lighthouse at dawn\",\"duration\":6}");
    }

    @Override
    protected List<FailureCase> documentedFailures() {
        return List.of(
                new FailureCase("Fail: output sensitive (1027)",
                        request("task_cp", "{\"prompt\":\"x [sim:content-policy]\"}"), ErrorCode.CONTENT_POLICY),
                new FailureCase("Fail: unknown error (1000)", request("task_tf", "{\"prompt\":\"x [sim:task-fail]\"}"),
                        ErrorCode.PROVIDER_ERROR));
    }

    @Override
    protected void rateLimitNextSubmit(Duration retryAfter) {
        simulator.failNextCreate(MiniMaxError.rateLimited(retryAfter));
    }

    @Override
    protected void serverErrorOnNextSubmit() {
        simulator.failNextCreate(MiniMaxError.badGateway());
    }

    @Override
    protected void serverErrorOnNextPoll() {
        simulator.failNextQuery(MiniMaxError.internal());
    }

    @Override
    protected void forbiddenOnNextSubmit() {
        simulator.failNextCreate(MiniMaxError.realNameRequired());
    }

    @Override
    protected void errorInsideOkOnNextPoll() {
        simulator.failNextQuery(new MiniMaxError(1000, "unknown error"));
    }

    @Override
    protected void reportUndocumentedStatus(ProviderTaskRef ref) {
        simulator.forceStatus(ref.providerTaskId(), "Archived");
    }

}
