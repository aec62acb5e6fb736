package com.aimedia.gateway.workers.provider.luma;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.simulators.luma.LumaError;
import com.aimedia.gateway.simulators.luma.LumaSimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.SimulatedAdapterContract;

class LumaAdapterContractTest extends SimulatedAdapterContract<LumaSimulator> {

    static final String API_KEY = "luma-contract-key-7b3e";

    @Override
    protected LumaSimulator startSimulator() {
        return LumaSimulator
            .start(LumaSimulator.Config.defaults().withApiKey(API_KEY).withTimings(QUEUED_FOR, RUNNING_FOR));
    }

    @Override
    protected String credential() {
        return API_KEY;
    }

    @Override
    protected ProviderAdapter adapterUsing(String key) {
        return new LumaAdapter(new LumaProperties(URI.create(simulator.baseUrl()), key, CONNECT_TIMEOUT, READ_TIMEOUT),
                json, Clock.systemUTC());
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
    protected String wrongCredential() {
        return "luma-not-the-" + API_KEY;
    }

    @Override
    protected List<FailureCase> documentedFailures() {
        return List.of(
                new FailureCase("failed: moderation", video("task_cp", "x [sim:content-policy]"),
                        ErrorCode.CONTENT_POLICY),
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
    protected void errorInsideOkOnNextPoll() {
        simulator.answerNextGetFailed("Job failed");
    }

    @Override
    protected void reportUndocumentedStatus(ProviderTaskRef ref) {
        simulator.forceState(ref.providerTaskId(), "archived");
    }

    @Test
    void should_delete_a_dreaming_generation_when_cancelled() {
        assertCancelStopsRunningTask(LumaSimulator.start(LumaSimulator.Config.defaults()
            .withApiKey(API_KEY)
            .withTimings(Duration.ofMinutes(10), Duration.ofMinutes(10))));
    }

}
