package com.aimedia.gateway.workers.provider.wan;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.simulators.wan.WanError;
import com.aimedia.gateway.simulators.wan.WanSimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.SimulatedAdapterContract;

class WanAdapterContractTest extends SimulatedAdapterContract<WanSimulator> {

    static final String API_KEY = "sk-contract-dashscope-8a3f";

    @Override
    protected WanSimulator startSimulator() {
        return WanSimulator
            .start(WanSimulator.Config.defaults().withApiKey(API_KEY).withTimings(QUEUED_FOR, RUNNING_FOR));
    }

    @Override
    protected String credential() {
        return API_KEY;
    }

    @Override
    protected ProviderAdapter adapterUsing(String apiKey) {
        return new WanAdapter(
                new WanProperties(URI.create(simulator.baseUrl()), apiKey, null, CONNECT_TIMEOUT, READ_TIMEOUT), json);
    }

    private GenerationRequest video(String taskId, String prompt) {
        return new GenerationRequest(taskId, "wan2.1-t2v-turbo", "wan2.1-t2v-turbo",
                json.readTree("{\"prompt\":\"" + prompt + "\",\"size\":\"1280*720\"}"));
    }

    @Override
    protected GenerationRequest successfulRequest(String taskId) {
        return video(taskId, "a lighthouse at dawn");
    }

    @Override
    protected String wrongCredential() {
        return "sk-not-the-" + API_KEY;
    }

    @Override
    protected List<FailureCase> documentedFailures() {
        return List.of(
                new FailureCase("FAILED: DataInspectionFailed", video("task_cp", "x [sim:content-policy]"),
                        ErrorCode.CONTENT_POLICY),
                new FailureCase("SUCCEEDED with every image filtered",
                        new GenerationRequest("task_img", "wan2.2-t2i-plus", "wan2.2-t2i-plus",
                                json.readTree("{\"prompt\":\"x [sim:content-policy]\"}")),
                        ErrorCode.CONTENT_POLICY),
                new FailureCase("UNKNOWN (missing or expired task)", video("task_unknown", "x [sim:unknown]"),
                        ErrorCode.NOT_FOUND));
    }

    @Override
    protected void rateLimitNextSubmit(Duration retryAfter) {
        simulator.failNextSubmit(WanError.rateQuota().withRetryAfter(retryAfter));
    }

    @Override
    protected void serverErrorOnNextSubmit() {
        simulator.failNextSubmit(WanError.internal());
    }

    @Override
    protected void serverErrorOnNextPoll() {
        simulator.failNextTask(new WanError(503, "ServiceUnavailable", "Service unavailable."));
    }

    @Override
    protected void forbiddenOnNextSubmit() {
        simulator.failNextSubmit(WanError.accessDenied());
    }

    /**
     * DashScope reports a missing task as HTTP 200 with task_status UNKNOWN; an error
     * code inside a 200 is covered too.
     */
    @Override
    protected void errorInsideOkOnNextPoll() {
        simulator.failNextTask(new WanError(200, "InternalError", "An internal error has occured."));
    }

    @Override
    protected void reportUndocumentedStatus(ProviderTaskRef ref) {
        simulator.forceStatus(ref.providerTaskId(), "ARCHIVED");
    }

    @Test
    void should_cancel_a_pending_task_when_cancelled() {
        assertCancelStopsRunningTask(WanSimulator.start(WanSimulator.Config.defaults()
            .withApiKey(API_KEY)
            .withTimings(Duration.ofMinutes(10), Duration.ofMinutes(10))));
    }

}
