package com.aimedia.gateway.workers.provider.xai;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.aimedia.gateway.simulators.xai.XaiError;
import com.aimedia.gateway.simulators.xai.XaiSimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapterContract;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;

import tools.jackson.databind.json.JsonMapper;

/** The asynchronous half of xAI (Grok Imagine video); the synchronous image path is covered by XaiAdapterTest. */
class XaiAdapterContractTest extends ProviderAdapterContract {

    static final String KEY = "xai-contract-key-3e9d";

    private final JsonMapper json = JsonMapper.builder().build();
    private XaiSimulator simulator;
    private XaiAdapter adapter;

    @BeforeEach
    void startSimulator() {
        simulator = XaiSimulator.start(new XaiSimulator.Config(KEY, Duration.ofMillis(100), Duration.ofMillis(200),
                Clock.systemUTC()));
        adapter = adapter(KEY);
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private XaiAdapter adapter(String key) {
        return new XaiAdapter(new XaiProperties(URI.create(simulator.baseUrl()), key, "url", Duration.ofSeconds(1),
                Duration.ofMillis(300)), json);
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
    protected ProviderAdapter adapter() {
        return adapter;
    }

    @Override
    protected ProviderAdapter adapterWithWrongCredentials() {
        return adapter("not-the-" + KEY);
    }

    @Override
    protected List<FailureCase> documentedFailures() {
        return List.of(new FailureCase("failed", video("task_f", "x [sim:task-error]"), ErrorCode.PROVIDER_ERROR),
                new FailureCase("done but moderated", video("task_m", "x [sim:content-policy]"), ErrorCode.CONTENT_POLICY),
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

    @Override
    protected void respondSlowly(boolean slow) {
        simulator.delayResponses(slow ? Duration.ofSeconds(1) : Duration.ZERO);
    }

    /** xAI answers a failed video with HTTP 200 and {@code status: failed}. */
    @Override
    protected void errorInsideOkOnNextPoll() {
        simulator.answerNextPoll("{\"status\":\"failed\",\"video\":{\"duration\":0,\"respect_moderation\":true},\"model\":\"\","
                + "\"error\":{\"code\":\"internal_error\",\"message\":\"boom\"}}");
    }

    @Override
    protected void reportUndocumentedStatus(ProviderTaskRef ref) {
        simulator.forceStatus(ref.providerTaskId(), "archived");
    }

    @Override
    protected List<String> secrets() {
        return List.of(KEY, "not-the-" + KEY);
    }
}
