package com.aimedia.gateway.workers.provider.xai;

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
 * xAI (docs/providers/xai.md). Grok image models are synchronous: the submit answer holds
 * the images (URL or {@code b64_json}), so the task completes at submit
 * ({@code providerRef} {@code image}). Grok Imagine video is asynchronous
 * ({@code request_id}, polled at {@code GET /videos/{id}}, {@code providerRef}
 * {@code video}). xAI takes no callbacks and no caller id.
 */
@Component
public class XaiAdapter implements ProviderAdapter {

    public static final ProviderId ID = ProviderId.of("xai");

    private static final Logger log = LoggerFactory.getLogger(XaiAdapter.class);

    private final XaiProperties properties;

    private final XaiClient client;

    public XaiAdapter(XaiProperties properties, JsonMapper json) {
        this.properties = properties;
        this.client = new XaiClient(properties, json);
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
        if (XaiMapper.isVideo(request.providerModel())) {
            XaiApi.VideoCreated created = client.createVideo(XaiMapper.video(request));
            if (created.requestId() == null || created.requestId().isBlank()) {
                throw new ProviderUnavailable("The provider answered without a request id.");
            }
            return Submission.accepted(created.requestId(), XaiApi.VIDEO);
        }
        XaiApi.ImageResponse answer = client.generateImages(XaiMapper.image(request, properties.imageResponseFormat()));
        if ("failed".equalsIgnoreCase(answer.status()) || (answer.data() == null && answer.error() != null)) {
            throw XaiErrorClassifier.failureAsException(answer.error());
        }
        // no provider task exists: the gateway task id stands in for it
        return Submission.completed(request.taskId(), XaiApi.IMAGE, XaiMapper.images(answer));
    }

    @Override
    public PollResult poll(ProviderTaskRef ref) {
        Credentials.require(this);
        if (XaiApi.IMAGE.equals(ref.providerRef())) {
            return new PollResult.Failed(ErrorCode.NOT_FOUND,
                    "The provider keeps no task for a synchronous image generation; there is nothing to poll.");
        }
        XaiApi.VideoStatus answer = client.video(ref.providerTaskId());
        Optional<XaiStatus> status = XaiStatus.fromWire(answer.status());
        if (status.isEmpty()) {
            log.warn("xai reported an undocumented video status, treating it as pending taskId={} status={}",
                    ref.taskId(), answer.status());
            return PollResult.Pending.inProgress();
        }
        return status.get().toPollResult(answer);
    }

    @Override
    public String toString() {
        return "XaiAdapter[" + properties + "]";
    }

}
