package com.aimedia.gateway.workers.provider.wan;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.aimedia.gateway.simulators.wan.WanError;
import com.aimedia.gateway.simulators.wan.WanSimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapterContract;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;

import tools.jackson.databind.json.JsonMapper;

class WanAdapterContractTest extends ProviderAdapterContract {

    static final String API_KEY = "sk-contract-dashscope-8a3f";

    private final JsonMapper json = JsonMapper.builder().build();
    private WanSimulator simulator;
    private WanAdapter adapter;

    @BeforeEach
    void startSimulator() {
        simulator = WanSimulator.start(WanSimulator.Config.defaults().withApiKey(API_KEY)
            .withTimings(Duration.ofMillis(100), Duration.ofMillis(200)));
        adapter = adapter(API_KEY);
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private WanAdapter adapter(String apiKey) {
        return new WanAdapter(new WanProperties(URI.create(simulator.baseUrl()), apiKey, null, Duration.ofSeconds(1),
                Duration.ofMillis(300)), json);
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
    protected ProviderAdapter adapter() {
        return adapter;
    }

    @Override
    protected ProviderAdapter adapterWithWrongCredentials() {
        return adapter("sk-not-the-" + API_KEY);
    }

    @Override
    protected List<FailureCase> documentedFailures() {
        return List.of(
                new FailureCase("FAILED: DataInspectionFailed", video("task_cp", "x [sim:content-policy]"),
                        ErrorCode.CONTENT_POLICY),
                new FailureCase("SUCCEEDED with every image filtered", new GenerationRequest("task_img",
                        "wan2.2-t2i-plus", "wan2.2-t2i-plus", json.readTree("{\"prompt\":\"x [sim:content-policy]\"}")),
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

    @Override
    protected void respondSlowly(boolean slow) {
        simulator.delayResponses(slow ? Duration.ofSeconds(1) : Duration.ZERO);
    }

    /** DashScope reports a missing task as HTTP 200 with task_status UNKNOWN; an error code inside a 200 is covered too. */
    @Override
    protected void errorInsideOkOnNextPoll() {
        simulator.failNextTask(new WanError(200, "InternalError", "An internal error has occured."));
    }

    @Override
    protected void reportUndocumentedStatus(ProviderTaskRef ref) {
        simulator.forceStatus(ref.providerTaskId(), "ARCHIVED");
    }

    @Override
    protected List<String> secrets() {
        return List.of(API_KEY, "sk-not-the-" + API_KEY);
    }
}
