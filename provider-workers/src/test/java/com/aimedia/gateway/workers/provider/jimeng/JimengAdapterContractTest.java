package com.aimedia.gateway.workers.provider.jimeng;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.aimedia.gateway.simulators.jimeng.JimengError;
import com.aimedia.gateway.simulators.jimeng.JimengSimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.SimulatedAdapterContract;

class JimengAdapterContractTest extends SimulatedAdapterContract<JimengSimulator> {

    static final String ACCESS_KEY = "contract-jimeng-ak-71c2";
    static final String SECRET_KEY = "contract-jimeng-sk-0be9";

    @Override
    protected JimengSimulator startSimulator() {
        return JimengSimulator.start(JimengSimulator.Config.defaults()
            .withCredentials(ACCESS_KEY, SECRET_KEY)
            .withTimings(QUEUED_FOR, RUNNING_FOR));
    }

    @Override
    protected String credential() {
        return SECRET_KEY;
    }

    @Override
    protected ProviderAdapter adapterUsing(String secretKey) {
        return new JimengAdapter(new JimengProperties(URI.create(simulator.baseUrl()), ACCESS_KEY, secretKey,
                "cn-north-1", "cv", "2022-08-31", CONNECT_TIMEOUT, READ_TIMEOUT), json, Clock.systemUTC());
    }

    @Override
    protected GenerationRequest successfulRequest(String taskId) {
        return new GenerationRequest(taskId, "jimeng-v2", "jimeng_vgfm_t2v_l20",
                json.readTree("{\"prompt\":\"a lighthouse at dawn\",\"aspect_ratio\":\"16:9\"}"));
    }

    @Override
    protected List<FailureCase> documentedFailures() {
        return List.of(
                new FailureCase("done with code 50511 (output moderation)",
                        new GenerationRequest("task_cp", "jimeng-v2", "jimeng_vgfm_t2v_l20",
                                json.readTree("{\"prompt\":\"x [sim:content-policy]\"}")),
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
    protected void errorInsideOkOnNextPoll() {
        simulator.failNextResult(JimengError.outputRisk());
    }

    @Override
    protected void reportUndocumentedStatus(ProviderTaskRef ref) {
        simulator.forceStatus(ref.providerTaskId(), "archived");
    }

    @Override
    protected List<String> secrets() {
        return List.of(ACCESS_KEY, SECRET_KEY, wrongCredential());
    }

}
