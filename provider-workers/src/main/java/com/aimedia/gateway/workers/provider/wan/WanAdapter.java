package com.aimedia.gateway.workers.provider.wan;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.workers.provider.spi.Credentials;
import com.aimedia.gateway.workers.provider.spi.CancelResult;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderId;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.Submission;

import tools.jackson.databind.json.JsonMapper;

/**
 * Alibaba Wan through DashScope's asynchronous HTTP API (docs/providers/wan.md): submit
 * to video-synthesis or image-synthesis with {@code X-DashScope-Async: enable}, then
 * {@code GET /tasks/{id}}. The {@code providerRef} is the endpoint kind ({@code video} /
 * {@code image}). DashScope has no HTTP callbacks and no lookup by a caller id, so
 * {@link #recover} keeps the default ({@code submission_uncertain}).
 */
@Component
public class WanAdapter implements ProviderAdapter {

    public static final ProviderId ID = ProviderId.of("wan");

    private static final Logger log = LoggerFactory.getLogger(WanAdapter.class);

    private final WanProperties properties;

    private final WanClient client;

    public WanAdapter(WanProperties properties, JsonMapper json) {
        this.properties = properties;
        this.client = new WanClient(properties, json);
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
        String kind = WanMapper.kind(request.providerModel());
        WanApi.Output output = client.submit(kind, WanMapper.toSubmitRequest(request));
        if (output.taskId() == null || output.taskId().isBlank()) {
            throw new ProviderUnavailable("The provider answered without a task id.");
        }
        return Submission.accepted(output.taskId(), kind);
    }

    /**
     * {@code POST /api/v1/tasks/{id}/cancel} (providers.md section 13): DashScope cancels
     * only a {@code PENDING} task and refuses a running one (left to the caller as a
     * refusal); a task that ended is not asked.
     */
    @Override
    public CancelResult cancel(ProviderTaskRef ref) {
        Credentials.require(this);
        Optional<WanStatus> status = WanStatus.fromWire(client.task(ref.providerTaskId()).taskStatus());
        if (status.orElse(null) == WanStatus.CANCELED) {
            return CancelResult.CANCELLED;
        }
        if (status.isEmpty() || (status.get() != WanStatus.PENDING && status.get() != WanStatus.RUNNING
                && status.get() != WanStatus.SUSPENDED)) {
            return CancelResult.NOT_RUNNING;
        }
        client.cancel(ref.providerTaskId());
        return CancelResult.CANCELLED;
    }

    @Override
    public PollResult poll(ProviderTaskRef ref) {
        Credentials.require(this);
        WanApi.Output output = client.task(ref.providerTaskId());
        Optional<WanStatus> status = WanStatus.fromWire(output.taskStatus());
        if (status.isEmpty()) {
            // never a success: stay pending; the orchestrator's deadline bounds how long
            log.warn("wan reported an undocumented task status, treating it as pending taskId={} status={}",
                    ref.taskId(), output.taskStatus());
            return PollResult.Pending.inQueue();
        }
        return status.get().toPollResult(output);
    }

    @Override
    public String toString() {
        return "WanAdapter[" + properties + "]";
    }

}
