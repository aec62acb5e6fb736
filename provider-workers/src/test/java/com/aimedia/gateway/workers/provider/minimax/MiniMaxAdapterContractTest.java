package com.aimedia.gateway.workers.provider.minimax;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.aimedia.gateway.simulators.minimax.MiniMaxError;
import com.aimedia.gateway.simulators.minimax.MiniMaxSimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapterContract;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;

import tools.jackson.databind.json.JsonMapper;

class MiniMaxAdapterContractTest extends ProviderAdapterContract {

    static final String API_KEY = "contract-minimax-key-51c0";

    private final JsonMapper json = JsonMapper.builder().build();
    private MiniMaxSimulator simulator;
    private MiniMaxAdapter adapter;

    @BeforeEach
    void startSimulator() {
        simulator = MiniMaxSimulator.start(MiniMaxSimulator.Config.defaults().withApiKey(API_KEY)
            .withTimings(Duration.ofMillis(100), Duration.ofMillis(200)));
        adapter = adapter(API_KEY);
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private MiniMaxAdapter adapter(String apiKey) {
        return new MiniMaxAdapter(new MiniMaxProperties(URI.create(simulator.baseUrl()), apiKey, Duration.ofSeconds(1),
                Duration.ofMillis(300)), json);
    }

    private GenerationRequest request(String taskId, String input) {
        return new GenerationRequest(taskId, "MiniMax-Hailuo-2.3", "MiniMax-Hailuo-2.3", json.readTree(input));
    }

    @Override
    protected GenerationRequest successfulRequest(String taskId) {
        return request(taskId, "{\"prompt\":\"a lighthouse at dawn\",\"duration\":6}");
    }

    @Override
    protected ProviderAdapter adapter() {
        return adapter;
    }

    @Override
    protected ProviderAdapter adapterWithWrongCredentials() {
        return adapter("not-the-" + API_KEY);
    }

    @Override
    protected List<FailureCase> documentedFailures() {
        return List.of(
                new FailureCase("Fail: output sensitive (1027)", request("task_cp", "{\"prompt\":\"x [sim:content-policy]\"}"),
                        ErrorCode.CONTENT_POLICY),
                new FailureCase("Fail: unknown error (1000)", request("task_tf", "{\"prompt\":\"x [sim:task-fail]\"}"),
                        ErrorCode.PROVIDER_ERROR));
    }

    @Override
    protected void rateLimitNextSubmit(Duration retryAfter) {
        simulator.failNextCreate(MiniMaxError.rateLimited(retryAfter));
    }

    @Override
    protected void serverErrorOnNextSubmit() {
        simulator.failNextCreate(MiniMaxError.badGateway());
    }

    @Override
    protected void serverErrorOnNextPoll() {
        simulator.failNextQuery(MiniMaxError.internal());
    }

    @Override
    protected void forbiddenOnNextSubmit() {
        simulator.failNextCreate(MiniMaxError.realNameRequired());
    }

    @Override
    protected void respondSlowly(boolean slow) {
        simulator.delayResponses(slow ? Duration.ofSeconds(1) : Duration.ZERO);
    }

    @Override
    protected void errorInsideOkOnNextPoll() {
        simulator.failNextQuery(new MiniMaxError(1000, "unknown error"));
    }

    @Override
    protected void reportUndocumentedStatus(ProviderTaskRef ref) {
        simulator.forceStatus(ref.providerTaskId(), "Archived");
    }

    @Override
    protected List<String> secrets() {
        return List.of(API_KEY, "not-the-" + API_KEY);
    }
}
