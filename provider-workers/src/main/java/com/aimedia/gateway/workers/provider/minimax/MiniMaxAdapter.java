package com.aimedia.gateway.workers.provider.minimax;

import java.net.URI;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.workers.provider.spi.Credentials;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderCallback;
import com.aimedia.gateway.workers.provider.spi.ProviderId;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.Submission;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MiniMax Hailuo video (docs/providers/minimax.md, API v1). Errors arrive as HTTP 200
 * with a non-zero {@code base_resp.status_code}; a finished task needs a second call
 * ({@code files/retrieve}) for its download URL, made inside the poll. Callbacks are
 * unsigned and start with a challenge the ingress must echo; the default
 * {@link #verifyCallback} applies (the gateway URL is signed). MiniMax has no caller id,
 * so {@link #recover} keeps the default ({@code submission_uncertain}).
 */
@Component
public class MiniMaxAdapter implements ProviderAdapter {

    public static final ProviderId ID = ProviderId.of("minimax");

    private static final Logger log = LoggerFactory.getLogger(MiniMaxAdapter.class);

    private final MiniMaxProperties properties;

    private final MiniMaxClient client;

    private final JsonMapper json;

    public MiniMaxAdapter(MiniMaxProperties properties, JsonMapper json) {
        this.json = json;
        this.properties = properties;
        this.client = new MiniMaxClient(properties, json);
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
        MiniMaxApi.CreateResponse created = client.create(MiniMaxMapper.toCreateRequest(request));
        if (created.taskId() == null || created.taskId().isBlank()) {
            throw new ProviderUnavailable("The provider answered without a task id.");
        }
        return Submission.accepted(created.taskId(), null);
    }

    @Override
    public PollResult poll(ProviderTaskRef ref) {
        Credentials.require(this);
        MiniMaxApi.QueryResponse task = client.query(ref.providerTaskId());
        Optional<MiniMaxStatus> status = MiniMaxStatus.fromWire(task.status());
        if (status.isPresent() && status.get() == MiniMaxStatus.FAIL) {
            return MiniMaxErrorClassifier.taskFailure(task.baseResp());
        }
        client.throwIfError(task.baseResp(), null);
        if (status.isEmpty()) {
            log.warn("minimax reported an undocumented task status, treating it as pending taskId={} status={}",
                    ref.taskId(), task.status());
            return PollResult.Pending.inQueue();
        }
        return switch (status.get()) {
            case PREPARING, QUEUEING -> PollResult.Pending.inQueue();
            case PROCESSING -> PollResult.Pending.inProgress();
            case SUCCESS -> download(task);
            case FAIL -> MiniMaxErrorClassifier.taskFailure(task.baseResp());
        };
    }

    /**
     * The second step: {@code files/retrieve} turns the task's {@code file_id} into a
     * (short-lived) URL.
     */
    private PollResult download(MiniMaxApi.QueryResponse task) {
        if (task.fileId() == null || task.fileId().isBlank()) {
            return new PollResult.Failed(com.aimedia.gateway.workers.provider.spi.ErrorCode.PROVIDER_ERROR,
                    "The provider reported success without a result file.");
        }
        MiniMaxApi.RetrieveResponse retrieved = client.retrieve(task.fileId());
        MiniMaxApi.File file = retrieved.file();
        if (file == null || file.downloadUrl() == null || file.downloadUrl().isBlank()) {
            throw new ProviderUnavailable("The provider returned the result file without a download URL.");
        }
        return PollResult.Succeeded.urls(java.util.List.of(URI.create(file.downloadUrl())));
    }

    @Override
    public String toString() {
        return "MiniMaxAdapter[" + properties + "]";
    }

    /**
     * MiniMax's first callback is {@code {"challenge":"..."}}, which must be echoed
     * within 3 seconds.
     */
    @Override
    public Optional<String> callbackHandshake(ProviderCallback callback) {
        try {
            JsonNode body = json.readTree(callback.body());
            JsonNode challenge = body == null ? null : body.get("challenge");
            if (challenge == null || !challenge.isString()) {
                return Optional.empty();
            }
            return Optional.of(json.writeValueAsString(json.createObjectNode().put("challenge", challenge.asString())));
        }
        catch (JacksonException e) {
            return Optional.empty();
        }
    }

}
