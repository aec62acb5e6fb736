package com.aimedia.gateway.workers.provider.luma;

import java.net.URI;
import java.time.Clock;
import java.util.List;
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
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.Submission;

import tools.jackson.databind.json.JsonMapper;

/**
 * Luma Dream Machine (docs/providers/luma.md): Ray video and Photon image generations.
 * The {@code providerRef} is the generation type ({@code video} or {@code image}), so a
 * poll knows which asset is the result. The gateway's signed callback URL travels as
 * {@code callback_url} (Luma posts the Generation on every state change; the poll stays
 * the truth). A Photon request with {@code sync: true} may finish in the create call
 * itself. Luma takes no caller id, so {@link #recover} keeps the default
 * ({@code submission_uncertain}).
 */
@Component
public class LumaAdapter implements ProviderAdapter {

    public static final ProviderId ID = ProviderId.of("luma");

    private static final Logger log = LoggerFactory.getLogger(LumaAdapter.class);

    private final LumaProperties properties;

    private final LumaClient client;

    public LumaAdapter(LumaProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.client = new LumaClient(properties, json, clock);
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
        String type = LumaMapper.generationType(request.providerModel());
        LumaApi.Generation generation = client.create(type, LumaMapper.toCreateRequest(request));
        URI asset = LumaMapper.asset(generation, type);
        String id = generation.id();
        if (id == null) {
            throw new ProviderUnavailable("The provider answered without a generation id.");
        }
        // a sync image may come back completed; anything else (also a sync failure) is
        // settled by the first poll
        if (LumaStatus.fromWire(generation.state()).orElse(null) == LumaStatus.COMPLETED && asset != null) {
            return Submission.completed(id, type, List.of(ProviderOutput.url(asset)));
        }
        return Submission.accepted(id, type);
    }

    /**
     * Luma has no cancel call, only {@code DELETE /generations/{id}} (providers.md
     * section 2), which removes a generation. The generation is read first and only one
     * still {@code queued} or {@code dreaming} is deleted: that stops it, while a
     * generation that finished just before the cancel keeps its result.
     */
    @Override
    public CancelResult cancel(ProviderTaskRef ref) {
        Credentials.require(this);
        try {
            Optional<LumaStatus> state = LumaStatus.fromWire(client.get(ref.providerTaskId()).state());
            if (state.isEmpty() || !state.get().isInFlight()) {
                return CancelResult.NOT_RUNNING;
            }
            client.delete(ref.providerTaskId());
            return CancelResult.CANCELLED;
        }
        catch (NotFound e) {
            // deleted already: a repeated cancel
            return CancelResult.NOT_RUNNING;
        }
    }

    @Override
    public PollResult poll(ProviderTaskRef ref) {
        Credentials.require(this);
        LumaApi.Generation generation = client.get(ref.providerTaskId());
        Optional<LumaStatus> state = LumaStatus.fromWire(generation.state());
        if (state.isEmpty()) {
            // never a success: stay pending; the orchestrator's deadline bounds how long
            log.warn("luma reported an undocumented generation state, treating it as pending taskId={} state={}",
                    ref.taskId(), generation.state());
            return PollResult.Pending.inQueue();
        }
        return state.get().toPollResult(LumaMapper.asset(generation, ref.providerRef()), generation.failureReason());
    }

    @Override
    public String toString() {
        return "LumaAdapter[" + properties + "]";
    }

}
