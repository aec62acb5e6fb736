package com.aimedia.gateway.workers.provider.vidu;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.workers.provider.spi.Credentials;
import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.CancelResult;
import com.aimedia.gateway.workers.provider.spi.NotFound;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderCallback;
import com.aimedia.gateway.workers.provider.spi.ProviderId;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.Submission;

import tools.jackson.databind.json.JsonMapper;

/**
 * Vidu API v2 (docs/providers/vidu.md): text, image, start-end and reference to video;
 * tasks over the organisation's concurrency stay {@code queueing} (pending, not an
 * error); callbacks are HMAC-signed with the API token. Vidu's {@code payload} is a
 * pass-through with no lookup by it, so {@link #recover} keeps the default
 * ({@code submission_uncertain}). The {@code providerRef} is the create endpoint, for
 * diagnosis only: every task is polled at {@code /tasks/{id}/creations}.
 */
@Component
public class ViduAdapter implements ProviderAdapter {

    public static final ProviderId ID = ProviderId.of("vidu");

    private static final Logger log = LoggerFactory.getLogger(ViduAdapter.class);

    private final ViduProperties properties;

    private final ViduClient client;

    private final Clock clock;

    public ViduAdapter(ViduProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.client = new ViduClient(properties, json);
        this.clock = clock;
    }

    @Override
    public ProviderId id() {
        return ID;
    }

    @Override
    public boolean canCancel() {
        return true;
    }

    @Override
    public boolean isConfigured() {
        return properties.hasCredentials();
    }

    @Override
    public Submission submit(GenerationRequest request) {
        Credentials.require(this);
        String endpoint = ViduMapper.endpoint(request);
        ViduApi.CreateResponse created = client.create(endpoint, ViduMapper.toCreateRequest(request));
        if (created.taskId() == null || created.taskId().isBlank()) {
            throw new ProviderUnavailable("The provider answered without a task id.");
        }
        return Submission.accepted(created.taskId(), endpoint);
    }

    /**
     * {@code POST /tasks/{id}/cancel} (providers.md section 7), only for a task that has
     * not started: Vidu refuses a scheduled task (400, left to the caller as a refusal);
     * a task that already ended is not asked.
     */
    @Override
    public CancelResult cancel(ProviderTaskRef ref) {
        Credentials.require(this);
        try {
            Optional<ViduStatus> state = ViduStatus.fromWire(client.creations(ref.providerTaskId()).state());
            if (state.isPresent() && (state.get() == ViduStatus.SUCCESS || state.get() == ViduStatus.FAILED)) {
                return CancelResult.NOT_RUNNING;
            }
            client.cancel(ref.providerTaskId());
            return CancelResult.CANCELLED;
        }
        catch (NotFound e) {
            return CancelResult.NOT_RUNNING;
        }
    }

    @Override
    public PollResult poll(ProviderTaskRef ref) {
        Credentials.require(this);
        ViduApi.TaskResponse task = client.creations(ref.providerTaskId());
        Optional<ViduStatus> state = ViduStatus.fromWire(task.state());
        if (state.isEmpty()) {
            log.warn("vidu reported an undocumented task state, treating it as pending taskId={} state={}",
                    ref.taskId(), task.state());
            return PollResult.Pending.inQueue();
        }
        return state.get().toPollResult(ViduMapper.videoUrls(task), task.errCode());
    }

    @Override
    public void verifyCallback(ProviderCallback callback) {
        String apiKey = properties.apiKey();
        if (apiKey == null || !properties.hasCredentials()) {
            throw new AuthenticationFailed("Vidu callbacks cannot be verified without the API key.");
        }
        new ViduCallbackVerifier(apiKey, clock, properties.callbackMaxAge()).verify(callback);
    }

    @Override
    public String toString() {
        return "ViduAdapter[" + properties + "]";
    }

}
