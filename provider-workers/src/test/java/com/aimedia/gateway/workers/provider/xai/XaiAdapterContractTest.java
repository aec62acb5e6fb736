package com.aimedia.gateway.workers.provider.xai;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.aimedia.gateway.simulators.xai.XaiError;
import com.aimedia.gateway.simulators.xai.XaiSimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.SimulatedAdapterContract;

/**
 * The asynchronous half of xAI (Grok Imagine video); the synchronous image path is
 * covered by XaiAdapterTest.
 */
class XaiAdapterContractTest extends SimulatedAdapterContract<XaiSimulator> {

    static final String KEY = "xai-contract-key-3e9d";

    @Override
    protected XaiSimulator startSimulator() {
        return XaiSimulator.start(new XaiSimulator.Config(KEY, QUEUED_FOR, RUNNING_FOR, Clock.systemUTC()));
    }

    @Override
    protected String credential() {
        return KEY;
    }

    @Override
    protected ProviderAdapter adapterUsing(String key) {
        return new XaiAdapter(
                new XaiProperties(URI.create(simulator.baseUrl()), key, "url", CONNECT_TIMEOUT, READ_TIMEOUT), json);
    }

    private GenerationRequest video(String taskId, String prompt) {
        return new GenerationRequest(taskId, "grok-imagine-video", "grok-imagine-video",
                json.readTree("{\"prompt\":\"" + prompt + "\",\"duration\":6}"));
    }

    @Override
    protected GenerationRequest successfulRequest(String taskId) {
        return video(taskId, "a lighthouse at dawn");
    }

    @Override
    protected List<FailureCase> documentedFailures() {
        return List.of(new FailureCase("failed", video("task_f", "x [sim:task-error]"), ErrorCode.PROVIDER_ERROR),
                new FailureCase("done but moderated", video("task_m", "x [sim:content-policy]"),
                        ErrorCode.CONTENT_POLICY),
                new FailureCase("expired", video("task_e", "x [sim:expired]"), ErrorCode.NOT_FOUND));
    }

    @Override
    protected void rateLimitNextSubmit(Duration retryAfter) {
        simulator.failNextSubmit(XaiError.rateLimited(retryAfter));
    }

    @Override
    protected void serverErrorOnNextSubmit() {
        simulator.failNextSubmit(XaiError.serverError());
    }

    @Override
    protected void serverErrorOnNextPoll() {
        simulator.failNextPoll(XaiError.unavailable());
    }

    @Override
    protected void forbiddenOnNextSubmit() {
        simulator.failNextSubmit(XaiError.forbidden());
    }

    /** xAI answers a failed video with HTTP 200 and {@code status: failed}. */
    @Override
    protected void errorInsideOkOnNextPoll() {
        simulator.answerNextPoll(
                "{\"status\":\"failed\",\"video\":{\"duration\":0,\"respect_moderation\":true},\"model\":\"\","
                        + "\"error\":{\"code\":\"internal_error\",\"message\":\"boom\"}}");
    }

    @Override
    protected void reportUndocumentedStatus(ProviderTaskRef ref) {
        simulator.forceStatus(ref.providerTaskId(), "archived");
    }

}
