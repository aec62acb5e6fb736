package com.aimedia.gateway.workers.provider.jimeng;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.aimedia.gateway.simulators.jimeng.JimengError;
import com.aimedia.gateway.simulators.jimeng.JimengSimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapterContract;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;

import tools.jackson.databind.json.JsonMapper;

class JimengAdapterContractTest extends ProviderAdapterContract {

    static final String ACCESS_KEY = "contract-jimeng-ak-71c2";
    static final String SECRET_KEY = "contract-jimeng-sk-0be9";

    private final JsonMapper json = JsonMapper.builder().build();
    private JimengSimulator simulator;
    private JimengAdapter adapter;

    @BeforeEach
    void startSimulator() {
        simulator = JimengSimulator.start(JimengSimulator.Config.defaults().withCredentials(ACCESS_KEY, SECRET_KEY)
            .withTimings(Duration.ofMillis(100), Duration.ofMillis(200)));
        adapter = adapter(ACCESS_KEY, SECRET_KEY);
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private JimengAdapter adapter(String accessKey, String secretKey) {
        return new JimengAdapter(new JimengProperties(URI.create(simulator.baseUrl()), accessKey, secretKey,
                "cn-north-1", "cv", "2022-08-31", Duration.ofSeconds(1), Duration.ofMillis(300)), json,
                Clock.systemUTC());
    }

    @Override
    protected GenerationRequest successfulRequest(String taskId) {
        return new GenerationRequest(taskId, "jimeng-v2", "jimeng_vgfm_t2v_l20",
                json.readTree("{\"prompt\":\"a lighthouse at dawn\",\"aspect_ratio\":\"16:9\"}"));
    }

    @Override
    protected ProviderAdapter adapter() {
        return adapter;
    }

    @Override
    protected ProviderAdapter adapterWithWrongCredentials() {
        return adapter(ACCESS_KEY, "not-the-" + SECRET_KEY);
    }

    @Override
    protected List<FailureCase> documentedFailures() {
        return List.of(
                new FailureCase("done with code 50511 (output moderation)", new GenerationRequest("task_cp",
                        "jimeng-v2", "jimeng_vgfm_t2v_l20", json.readTree("{\"prompt\":\"x [sim:content-policy]\"}")),
                        ErrorCode.CONTENT_POLICY),
                new FailureCase("expired", new GenerationRequest("task_exp", "jimeng-v2", "jimeng_vgfm_t2v_l20",
                        json.readTree("{\"prompt\":\"x [sim:expired]\"}")), ErrorCode.NOT_FOUND));
    }

    @Override
    protected void rateLimitNextSubmit(Duration retryAfter) {
        simulator.failNextSubmit(JimengError.concurrencyLimit().withRetryAfter(retryAfter));
    }

    @Override
    protected void serverErrorOnNextSubmit() {
        simulator.failNextSubmit(JimengError.internalError());
    }

    @Override
    protected void serverErrorOnNextPoll() {
        simulator.failNextResult(JimengError.internalError());
    }

    @Override
    protected void forbiddenOnNextSubmit() {
        simulator.failNextSubmit(JimengError.accessDenied());
    }

    @Override
    protected void respondSlowly(boolean slow) {
        simulator.delayResponses(slow ? Duration.ofSeconds(1) : Duration.ZERO);
    }

    @Override
    protected void errorInsideOkOnNextPoll() {
        simulator.failNextResult(JimengError.outputRisk());
    }

    @Override
    protected void reportUndocumentedStatus(ProviderTaskRef ref) {
        simulator.forceStatus(ref.providerTaskId(), "archived");
    }

    @Override
    protected List<String> secrets() {
        return List.of(ACCESS_KEY, SECRET_KEY, "not-the-" + SECRET_KEY);
    }
}
