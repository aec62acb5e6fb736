package com.aimedia.gateway.workers.provider.kling;

import java.time.Clock;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.workers.provider.spi.Credentials;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.NotFound;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderId;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.Submission;

import tools.jackson.databind.json.JsonMapper;

/**
 * Kling AI (docs/providers/kling.md). Text to video, image to video and image generation;
 * the gateway task id travels as {@code external_task_id}, so a submit with an unknown
 * outcome can be looked up. The {@code providerRef} is the endpoint family
 * ({@code text2video}, {@code image2video} or {@code images}) a poll must use. The
 * gateway's signed callback URL travels as {@code callback_url}.
 */
@Component
public class KlingAdapter implements ProviderAdapter {

    public static final ProviderId ID = ProviderId.of("kling");

    private static final Logger log = LoggerFactory.getLogger(KlingAdapter.class);

    private final KlingProperties properties;

    private final KlingClient client;

    public KlingAdapter(KlingProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.client = new KlingClient(properties, json, clock);
    }

    @Override
    public ProviderId id() {
        return ID;
    }

    @Override
    public Submission submit(GenerationRequest request) {
        Credentials.require(this);
        String family = KlingMapper.family(request);
        KlingApi.TaskData data = client.create(family, KlingMapper.toCreateRequest(request));
        return Submission.accepted(requireTaskId(data), family);
    }

    @Override
    public PollResult poll(ProviderTaskRef ref) {
        Credentials.require(this);
        String family = pollFamily(ref.providerRef());
        KlingApi.TaskData data = client.query(family, ref.providerTaskId());
        Optional<KlingStatus> status = KlingStatus.fromWire(data.taskStatus());
        if (status.isEmpty()) {
            // never a success: stay pending; the orchestrator's deadline bounds how long
            log.warn("kling reported an undocumented task status, treating it as pending taskId={} status={}",
                    ref.taskId(), data.taskStatus());
            return PollResult.Pending.inQueue();
        }
        return status.get().toPollResult(KlingMapper.resultUrls(data), data.taskStatusMsg());
    }

    /**
     * Looks the task up by {@code external_task_id} = gateway task id; a 404 proves Kling
     * never created it.
     */
    @Override
    public Optional<Submission> recover(GenerationRequest request) {
        Credentials.require(this);
        String family = KlingMapper.family(request);
        try {
            KlingApi.TaskData data = client.query(family, request.taskId());
            return Optional.of(Submission.accepted(requireTaskId(data), family));
        }
        catch (NotFound notCreated) {
            return Optional.empty();
        }
    }

    /**
     * Refs written before image support carry only the two video families; anything else
     * polls text2video.
     */
    private static String pollFamily(@Nullable String providerRef) {
        if (providerRef != null && (providerRef.equals(KlingApi.IMAGE2VIDEO) || providerRef.equals(KlingApi.IMAGES))) {
            return providerRef;
        }
        return KlingApi.TEXT2VIDEO;
    }

    @Override
    public boolean isConfigured() {
        return properties.hasCredentials();
    }

    private static String requireTaskId(KlingApi.TaskData data) {
        if (data.taskId() == null || data.taskId().isBlank()) {
            throw new ProviderUnavailable("The provider answered without a task id.");
        }
        return data.taskId();
    }

    @Override
    public String toString() {
        return "KlingAdapter[" + properties + "]";
    }

}
