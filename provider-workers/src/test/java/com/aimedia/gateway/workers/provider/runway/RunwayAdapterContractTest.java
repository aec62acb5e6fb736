package com.aimedia.gateway.workers.provider.runway;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.aimedia.gateway.simulators.runway.RunwayError;
import com.aimedia.gateway.simulators.runway.RunwaySimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapterContract;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;

import tools.jackson.databind.json.JsonMapper;

class RunwayAdapterContractTest extends ProviderAdapterContract {

    static final String API_KEY = "key_contract0123456789abcdef";

    private final JsonMapper json = JsonMapper.builder().build();
    private RunwaySimulator simulator;
    private RunwayAdapter adapter;

    @BeforeEach
    void startSimulator() {
        simulator = RunwaySimulator.start(RunwaySimulator.Config.defaults().withApiKey(API_KEY)
            .withTimings(Duration.ofMillis(100), Duration.ofMillis(200)));
        adapter = adapter(API_KEY);
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private RunwayAdapter adapter(String key) {
        return new RunwayAdapter(new RunwayProperties(URI.create(simulator.baseUrl()), key, "2024-11-06",
                Duration.ofSeconds(1), Duration.ofMillis(300)), json, Clock.systemUTC());
    }

    private GenerationRequest video(String taskId, String prompt) {
        return new GenerationRequest(taskId, "runway-gen4", "gen4_turbo", json.readTree(
                "{\"promptImage\":\"https://example.com/a.png\",\"promptText\":\"" + prompt + "\",\"ratio\":\"1280:720\",\"duration\":5}"));
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
        return adapter("key_not" + API_KEY);
    }

    @Override
    protected List<FailureCase> documentedFailures() {
        return List.of(
                new FailureCase("FAILED SAFETY.INPUT", video("task_in", "x [sim:content-policy]"), ErrorCode.CONTENT_POLICY),
                new FailureCase("FAILED SAFETY.OUTPUT", video("task_out", "x [sim:output-moderation]"), ErrorCode.CONTENT_POLICY),
                new FailureCase("FAILED INTERNAL.BAD_OUTPUT", video("task_bad", "x [sim:bad-output]"), ErrorCode.PROVIDER_ERROR));
    }

    @Override
    protected void rateLimitNextSubmit(Duration retryAfter) {
        simulator.failNextCreate(RunwayError.dailyLimit(retryAfter));
    }

    @Override
    protected void serverErrorOnNextSubmit() {
        simulator.failNextCreate(RunwayError.serverError());
    }

    @Override
    protected void serverErrorOnNextPoll() {
        simulator.failNextGet(RunwayError.unavailable());
    }

    @Override
    protected void forbiddenOnNextSubmit() {
        simulator.failNextCreate(RunwayError.forbidden());
    }

    @Override
    protected void respondSlowly(boolean slow) {
        simulator.delayResponses(slow ? Duration.ofSeconds(1) : Duration.ZERO);
    }

    @Override
    protected void errorInsideOkOnNextPoll() {
        simulator.answerNextGetFailed("An unexpected error occurred.", "INTERNAL");
    }

    @Override
    protected void reportUndocumentedStatus(ProviderTaskRef ref) {
        simulator.forceStatus(ref.providerTaskId(), "ARCHIVED");
    }

    @Override
    protected List<String> secrets() {
        return List.of(API_KEY, "key_not" + API_KEY);
    }
}
