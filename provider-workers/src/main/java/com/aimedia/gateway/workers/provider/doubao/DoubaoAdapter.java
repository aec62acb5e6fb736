package com.aimedia.gateway.workers.provider.doubao;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.workers.provider.spi.Credentials;
import com.aimedia.gateway.workers.provider.spi.CancelResult;
import com.aimedia.gateway.workers.provider.spi.NotFound;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderId;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.Submission;

import tools.jackson.databind.json.JsonMapper;

/**
 * Doubao Seedance through VolcEngine Ark (docs/providers/doubao.md):
 * {@code POST /contents/generations/tasks}, then {@code GET
 * /contents/generations/tasks/{id}}, Bearer API key. The gateway's signed callback URL
 * travels as {@code callback_url}; Ark does not sign its callbacks, so the default
 * {@link #verifyCallback} applies (the gateway URL is signed) and a callback only
 * triggers a poll. Ark has no lookup by a caller id: {@link #recover} keeps the default
 * ({@code submission_uncertain}).
 */
@Component
public class DoubaoAdapter implements ProviderAdapter {

    public static final ProviderId ID = ProviderId.of("doubao");

    private static final Logger log = LoggerFactory.getLogger(DoubaoAdapter.class);

    private final DoubaoProperties properties;

    private final DoubaoClient client;

    public DoubaoAdapter(DoubaoProperties properties, JsonMapper json) {
        this.properties = properties;
        this.client = new DoubaoClient(properties, json);
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
        DoubaoApi.Task created = client.create(DoubaoMapper.toCreateRequest(request));
        if (created.id() == null || created.id().isBlank()) {
            throw new ProviderUnavailable("The provider answered without a task id.");
        }
        return Submission.accepted(created.id(), null);
    }

    /**
     * {@code DELETE /contents/generations/tasks/{id}} (providers.md section 9) cancels a
     * {@code queued} task but deletes a finished one's record, so the task is read first:
     * a queued or running task is asked (Ark refuses a running one, left to the caller as
     * a refusal), one that ended is left alone.
     */
    @Override
    public CancelResult cancel(ProviderTaskRef ref) {
        Credentials.require(this);
        try {
            Optional<DoubaoStatus> status = DoubaoStatus.fromWire(client.get(ref.providerTaskId()).status());
            if (status.orElse(null) == DoubaoStatus.CANCELLED) {
                return CancelResult.CANCELLED;
            }
            if (status.isEmpty() || (status.get() != DoubaoStatus.QUEUED && status.get() != DoubaoStatus.RUNNING)) {
                return CancelResult.NOT_RUNNING;
            }
            client.delete(ref.providerTaskId());
            return CancelResult.CANCELLED;
        }
        catch (NotFound e) {
            return CancelResult.NOT_RUNNING;
        }
    }

    @Override
    public PollResult poll(ProviderTaskRef ref) {
        Credentials.require(this);
        DoubaoApi.Task task = client.get(ref.providerTaskId());
        Optional<DoubaoStatus> status = DoubaoStatus.fromWire(task.status());
        if (status.isEmpty()) {
            // never a success: stay pending; the orchestrator's deadline bounds how long
            log.warn("doubao reported an undocumented task status, treating it as pending taskId={} status={}",
                    ref.taskId(), task.status());
            return PollResult.Pending.inQueue();
        }
        return status.get().toPollResult(DoubaoMapper.outputs(task), task.error());
    }

    @Override
    public String toString() {
        return "DoubaoAdapter[" + properties + "]";
    }

}
