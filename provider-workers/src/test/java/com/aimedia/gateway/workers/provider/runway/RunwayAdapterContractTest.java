package com.aimedia.gateway.workers.provider.runway;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.simulators.runway.RunwayError;
import com.aimedia.gateway.simulators.runway.RunwaySimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.SimulatedAdapterContract;

class RunwayAdapterContractTest extends SimulatedAdapterContract<RunwaySimulator> {

    static final String API_KEY = "key_contract0123456789abcdef";

    @Override
    protected RunwaySimulator startSimulator() {
        return RunwaySimulator
            .start(RunwaySimulator.Config.defaults().withApiKey(API_KEY).withTimings(QUEUED_FOR, RUNNING_FOR));
    }

    @Override
    protected String credential() {
        return API_KEY;
    }

    @Override
    protected ProviderAdapter adapterUsing(String key) {
        return new RunwayAdapter(
                new RunwayProperties(URI.create(simulator.baseUrl()), key, "2024-11-06", CONNECT_TIMEOUT, READ_TIMEOUT),
                json, Clock.systemUTC());
    }

    private GenerationRequest video(String taskId, String prompt) {
        return new GenerationRequest(taskId, "runway-gen4", "gen4_turbo",
                json.readTree("{\"promptImage\":\"https://example.com/a.png\",\"promptText\":\"" + prompt
                        + "\",\"ratio\":\"1280:720\",\"duration\":5}"));
    }

    @Override
    protected GenerationRequest successfulRequest(String taskId) {
        return video(taskId, "a lighthouse at dawn");
    }

    @Override
    protected String wrongCredential() {
        return "key_not" + API_KEY;
    }

    @Override
    protected List<FailureCase> documentedFailures() {
        return List.of(
                new FailureCase("FAILED SAFETY.INPUT", video("task_in", "x [sim:content-policy]"),
                        ErrorCode.CONTENT_POLICY),
                new FailureCase("FAILED SAFETY.OUTPUT", video("task_out", "x [sim:output-moderation]"),
                        ErrorCode.CONTENT_POLICY),
                new FailureCase("FAILED INTERNAL.BAD_OUTPUT", video("task_bad", "x [sim:bad-output]"),
                        ErrorCode.PROVIDER_ERROR));
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
    protected void errorInsideOkOnNextPoll() {
        simulator.answerNextGetFailed("An unexpected error occurred.", "INTERNAL");
    }

    @Override
    protected void reportUndocumentedStatus(ProviderTaskRef ref) {
        simulator.forceStatus(ref.providerTaskId(), "ARCHIVED");
    }

    @Test
    void should_stop_a_running_task_with_delete_when_cancelled() {
        assertCancelStopsRunningTask(RunwaySimulator.start(RunwaySimulator.Config.defaults()
            .withApiKey(API_KEY)
            .withTimings(Duration.ofMinutes(10), Duration.ofMinutes(10))));
    }

}
