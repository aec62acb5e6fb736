package com.aimedia.gateway.workers.provider.jimeng;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.workers.provider.spi.Credentials;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderId;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.Submission;

import tools.jackson.databind.json.JsonMapper;

/**
 * Jimeng through the VolcEngine visual API (docs/providers/jimeng.md):
 * {@code CVSync2AsyncSubmitTask} then {@code CVSync2AsyncGetResult}, both signed with
 * VolcEngine V4. The model id is the {@code req_key}, kept as the {@code providerRef}
 * because a poll must name it again. Errors often come inside an HTTP 200 as
 * {@code code != 10000}. Image results may be base64, handed over as
 * {@code ProviderOutput.Inline}. The API has no callbacks and no lookup by a caller id,
 * so {@link #recover} keeps the default ({@code submission_uncertain}).
 */
@Component
public class JimengAdapter implements ProviderAdapter {

    public static final ProviderId ID = ProviderId.of("jimeng");

    private static final Logger log = LoggerFactory.getLogger(JimengAdapter.class);

    private final JimengProperties properties;

    private final JimengClient client;

    public JimengAdapter(JimengProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.client = new JimengClient(properties, json, clock);
    }

    @Override
    public ProviderId id() {
        return ID;
    }

    @Override
    public boolean isConfigured() {
        return properties.hasCredentials();
    }

    @Override
    public Submission submit(GenerationRequest request) {
        Credentials.require(this);
        JimengClient.Answer answer = client.submit(JimengMapper.toSubmitRequest(request));
        if (answer.code() != JimengApi.SUCCESS) {
            throw JimengErrorClassifier.classify(answer.httpStatus(), answer.code(), answer.message(),
                    answer.retryAfter());
        }
        JimengApi.Data data = answer.envelope().data();
        if (data == null || data.taskId() == null || data.taskId().isBlank()) {
            throw new ProviderUnavailable("The provider answered without a task id.");
        }
        return Submission.accepted(data.taskId(), request.providerModel());
    }

    @Override
    public PollResult poll(ProviderTaskRef ref) {
        Credentials.require(this);
        String reqKey = ref.providerRef();
        if (reqKey == null || reqKey.isBlank()) {
            // the req_key is part of every GetResult call; without it the task cannot be
            // looked up at all
            return new PollResult.Failed(ErrorCode.NOT_FOUND,
                    "The task was submitted without a model reference and cannot be polled.");
        }
        JimengClient.Answer answer = client
            .getResult(new JimengApi.GetResultRequest(reqKey, ref.providerTaskId(), null));
        if (answer.code() != JimengApi.SUCCESS) {
            return JimengErrorClassifier.taskFailure(answer.httpStatus(), answer.code(), answer.message(),
                    answer.retryAfter());
        }
        JimengApi.Data data = answer.envelope().data();
        String raw = data == null ? null : data.status();
        Optional<JimengStatus> status = JimengStatus.fromWire(raw);
        if (status.isEmpty()) {
            // never a success: stay pending; the orchestrator's deadline bounds how long
            log.warn("jimeng reported an undocumented task status, treating it as pending taskId={} status={}",
                    ref.taskId(), raw);
            return PollResult.Pending.inQueue();
        }
        return status.get().toPollResult(status.get() == JimengStatus.DONE ? JimengMapper.outputs(data) : List.of());
    }

    @Override
    public String toString() {
        return "JimengAdapter[" + properties + "]";
    }

}
