package com.aimedia.gateway.workers.provider.runway;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.workers.provider.spi.Credentials;
import com.aimedia.gateway.workers.provider.spi.CancelResult;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.NotFound;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderId;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.Submission;

import tools.jackson.databind.json.JsonMapper;

/**
 * Runway developer API (docs/providers/runway.md): gen4_turbo (and the deprecated
 * gen3a_turbo) on image_to_video, gen4_image / gen4_image_turbo on text_to_image; every
 * task is polled at {@code GET /v1/tasks/{id}}. The {@code providerRef} is the endpoint
 * the task was created on. Runway has no webhooks and takes no caller id, so the gateway
 * polls only and {@link #recover} keeps the default ({@code submission_uncertain}). Over
 * its concurrency an organization's tasks are accepted and wait in {@code THROTTLED},
 * which stays queued here.
 */
@Component
public class RunwayAdapter implements ProviderAdapter {

    public static final ProviderId ID = ProviderId.of("runway");

    private static final Logger log = LoggerFactory.getLogger(RunwayAdapter.class);

    private final RunwayProperties properties;

    private final RunwayClient client;

    public RunwayAdapter(RunwayProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.client = new RunwayClient(properties, json, clock);
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
        String model = request.providerModel();
        String endpoint = RunwayModels.endpoint(model);
        if (RunwayModels.GEN3A_TURBO.equals(model)) {
            log.info("submitting the deprecated Runway model gen3a_turbo taskId={}", request.taskId());
        }
        String id = client.create(endpoint, model, RunwayMapper.toCreateRequest(request));
        return Submission.accepted(id, endpoint);
    }

    /**
     * {@code DELETE /v1/tasks/{id}} (providers.md section 3) cancels a task in flight but
     * deletes a finished one, so the task is read first and only a task still
     * {@code PENDING}, {@code THROTTLED} or {@code RUNNING} is deleted: a task that
     * finished just before the cancel keeps its result.
     */
    @Override
    public CancelResult cancel(ProviderTaskRef ref) {
        Credentials.require(this);
        try {
            Optional<RunwayStatus> status = RunwayStatus.fromWire(client.task(ref.providerTaskId()).status());
            if (status.isEmpty() || !status.get().isInFlight()) {
                return status.orElse(null) == RunwayStatus.CANCELLED ? CancelResult.CANCELLED
                        : CancelResult.NOT_RUNNING;
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
        RunwayApi.Task task = client.task(ref.providerTaskId());
        Optional<RunwayStatus> status = RunwayStatus.fromWire(task.status());
        if (status.isEmpty()) {
            // never a success: stay pending; the orchestrator's deadline bounds how long
            log.warn("runway reported an undocumented task status, treating it as pending taskId={} status={}",
                    ref.taskId(), task.status());
            return PollResult.Pending.inQueue();
        }
        return status.get().toPollResult(task, RunwayMapper.outputs(task));
    }

    @Override
    public String toString() {
        return "RunwayAdapter[" + properties + "]";
    }

}
