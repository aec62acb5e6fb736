package com.aimedia.gateway.workers.provider.vidu;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.simulators.vidu.ViduError;
import com.aimedia.gateway.simulators.vidu.ViduSimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.SimulatedAdapterContract;

class ViduAdapterContractTest extends SimulatedAdapterContract<ViduSimulator> {

    static final String API_KEY = "contract-vidu-key-7a3b";

    @Override
    protected ViduSimulator startSimulator() {
        return ViduSimulator
            .start(ViduSimulator.Config.defaults().withApiKey(API_KEY).withTimings(QUEUED_FOR, RUNNING_FOR));
    }

    @Override
    protected String credential() {
        return API_KEY;
    }

    @Override
    protected ProviderAdapter adapterUsing(String apiKey) {
        return new ViduAdapter(new ViduProperties(URI.create(simulator.baseUrl()), apiKey, CONNECT_TIMEOUT,
                READ_TIMEOUT, Duration.ofMinutes(5)), json, Clock.systemUTC());
    }

    private GenerationRequest request(String taskId, String model, String input) {
        return new GenerationRequest(taskId, model, model, json.readTree(input));
    }

    @Override
    protected GenerationRequest successfulRequest(String taskId) {
        return request(taskId, "viduq2", "{\"prompt\":\"a lighthouse at dawn\",\"duration\":5}");
    }

    @Override
    protected List<FailureCase> documentedFailures() {
        return List.of(new FailureCase("failed: CreationPolicyViolation",
                request("task_cp", "viduq2", "{\"prompt\":\"x [sim:content-policy]\"}"), ErrorCode.CONTENT_POLICY),
                new FailureCase("failed: InternalServiceFailure",
                        request("task_tf", "vidu2.0",
                                "{\"prompt\":\"x [sim:task-fail]\",\"images\":[\"https://example.com/a.png\"]}"),
                        ErrorCode.PROVIDER_ERROR));
    }

    @Override
    protected void rateLimitNextSubmit(Duration retryAfter) {
        simulator.failNextCreate(ViduError.throttled(retryAfter));
    }

    @Override
    protected void serverErrorOnNextSubmit() {
        simulator.failNextCreate(ViduError.internal());
    }

    @Override
    protected void serverErrorOnNextPoll() {
        simulator.failNextQuery(ViduError.internal());
    }

    @Override
    protected void forbiddenOnNextSubmit() {
        simulator.failNextCreate(ViduError.forbidden());
    }

    /**
     * Vidu reports a finished failure as HTTP 200 with {@code state: failed} and an
     * {@code err_code}.
     */
    @Override
    protected void errorInsideOkOnNextPoll() {
        simulator.failNextQueryInsideOk("InternalServiceFailure");
    }

    @Override
    protected void reportUndocumentedStatus(ProviderTaskRef ref) {
        simulator.forceState(ref.providerTaskId(), "archived");
    }

    @Test
    void should_cancel_a_queueing_task_when_cancelled() {
        assertCancelStopsRunningTask(ViduSimulator.start(ViduSimulator.Config.defaults()
            .withApiKey(API_KEY)
            .withTimings(Duration.ofMinutes(10), Duration.ofMinutes(10))));
    }

}
