package com.aimedia.gateway.workers.provider.luma;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.aimedia.gateway.simulators.luma.LumaError;
import com.aimedia.gateway.simulators.luma.LumaSimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapterContract;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;

import tools.jackson.databind.json.JsonMapper;

class LumaAdapterContractTest extends ProviderAdapterContract {

    static final String API_KEY = "luma-contract-key-7b3e";

    private final JsonMapper json = JsonMapper.builder().build();
    private LumaSimulator simulator;
    private LumaAdapter adapter;

    @BeforeEach
    void startSimulator() {
        simulator = LumaSimulator.start(LumaSimulator.Config.defaults().withApiKey(API_KEY)
            .withTimings(Duration.ofMillis(100), Duration.ofMillis(200)));
        adapter = adapter(API_KEY);
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private LumaAdapter adapter(String key) {
        return new LumaAdapter(new LumaProperties(URI.create(simulator.baseUrl()), key, Duration.ofSeconds(1),
                Duration.ofMillis(300)), json, Clock.systemUTC());
    }

    private GenerationRequest video(String taskId, String prompt) {
        return new GenerationRequest(taskId, "luma-ray-2", "ray-2",
                json.readTree("{\"prompt\":\"" + prompt + "\",\"duration\":\"5s\"}"));
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
        return adapter("luma-not-the-" + API_KEY);
    }

    @Override
    protected List<FailureCase> documentedFailures() {
        return List.of(
                new FailureCase("failed: moderation", video("task_cp", "x [sim:content-policy]"), ErrorCode.CONTENT_POLICY),
                new FailureCase("failed: job failed", video("task_jf", "x [sim:job-failed]"), ErrorCode.PROVIDER_ERROR),
                new FailureCase("failed: unreadable frames", video("task_bf", "x [sim:bad-frames]"),
                        ErrorCode.INVALID_PARAMETER));
    }

    @Override
    protected void rateLimitNextSubmit(Duration retryAfter) {
        simulator.failNextCreate(new LumaError(429, "Rate limit exceeded", retryAfter));
    }

    @Override
    protected void serverErrorOnNextSubmit() {
        simulator.failNextCreate(LumaError.serverError());
    }

    @Override
    protected void serverErrorOnNextPoll() {
        simulator.failNextGet(LumaError.unavailable());
    }

    @Override
    protected void forbiddenOnNextSubmit() {
        simulator.failNextCreate(LumaError.forbidden());
    }

    @Override
    protected void respondSlowly(boolean slow) {
        simulator.delayResponses(slow ? Duration.ofSeconds(1) : Duration.ZERO);
    }

    @Override
    protected void errorInsideOkOnNextPoll() {
        simulator.answerNextGetFailed("Job failed");
    }

    @Override
    protected void reportUndocumentedStatus(ProviderTaskRef ref) {
        simulator.forceState(ref.providerTaskId(), "archived");
    }

    @Override
    protected List<String> secrets() {
        return List.of(API_KEY, "luma-not-the-" + API_KEY);
    }
}
