package com.aimedia.gateway.workers.provider.replicate;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.simulators.replicate.ReplicateError;
import com.aimedia.gateway.simulators.replicate.ReplicateSimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.SimulatedAdapterContract;

class ReplicateAdapterContractTest extends SimulatedAdapterContract<ReplicateSimulator> {

    static final String TOKEN = "r8_contract-token-5b2c";

    @Override
    protected ReplicateSimulator startSimulator() {
        return ReplicateSimulator
            .start(ReplicateSimulator.Config.defaults().withToken(TOKEN).withTimings(QUEUED_FOR, RUNNING_FOR));
    }

    @Override
    protected String credential() {
        return TOKEN;
    }

    @Override
    protected ProviderAdapter adapterUsing(String token) {
        return new ReplicateAdapter(new ReplicateProperties(URI.create(simulator.baseUrl()), token,
                simulator.config().webhookSecret(), Duration.ZERO, CONNECT_TIMEOUT, READ_TIMEOUT), json,
                Clock.systemUTC());
    }

    private GenerationRequest request(String taskId, String prompt) {
        return new GenerationRequest(taskId, "replicate/black-forest-labs/flux-schnell",
                "black-forest-labs/flux-schnell", json.readTree("{\"prompt\":\"" + prompt + "\"}"));
    }

    @Override
    protected GenerationRequest successfulRequest(String taskId) {
        return request(taskId, "a lighthouse at dawn");
    }

    @Override
    protected List<FailureCase> documentedFailures() {
        return List.of(
                new FailureCase("failed: NSFW", request("task_n", "x [sim:content-policy]"), ErrorCode.CONTENT_POLICY),
                new FailureCase("failed: model error", request("task_m", "x [sim:model-error]"),
                        ErrorCode.PROVIDER_ERROR),
                new FailureCase("aborted", request("task_a", "x [sim:aborted]"), ErrorCode.PROVIDER_TIMEOUT));
    }

    @Override
    protected void rateLimitNextSubmit(Duration retryAfter) {
        simulator.failNextCreate(ReplicateError.throttled(retryAfter));
    }

    @Override
    protected void serverErrorOnNextSubmit() {
        simulator.failNextCreate(ReplicateError.serverError());
    }

    @Override
    protected void serverErrorOnNextPoll() {
        simulator.failNextGet(ReplicateError.unavailable());
    }

    @Override
    protected void forbiddenOnNextSubmit() {
        simulator.failNextCreate(ReplicateError.forbidden());
    }

    /** A failed prediction is an HTTP 200 answer with {@code status: failed}. */
    @Override
    protected void errorInsideOkOnNextPoll() {
        simulator.answerNextGet("{\"id\":\"x\",\"status\":\"failed\",\"error\":\"Prediction failed\",\"output\":null}");
    }

    @Override
    protected void reportUndocumentedStatus(ProviderTaskRef ref) {
        simulator.forceStatus(ref.providerTaskId(), "archived");
    }

    @Override
    protected List<String> secrets() {
        return List.of(TOKEN, wrongCredential(), simulator.config().webhookSecret());
    }

    @Test
    void should_stop_a_running_prediction_when_cancelled() {
        assertCancelStopsRunningTask(ReplicateSimulator.start(ReplicateSimulator.Config.defaults()
            .withToken(TOKEN)
            .withTimings(Duration.ofMinutes(10), Duration.ofMinutes(10))));
    }

}
