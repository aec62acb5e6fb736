package com.aimedia.gateway.workers.provider.replicate;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.workers.provider.spi.Credentials;
import com.aimedia.gateway.workers.provider.spi.CancelResult;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.NotFound;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.OutputHosts;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderCallback;
import com.aimedia.gateway.workers.provider.spi.ProviderId;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.Submission;

import tools.jackson.databind.json.JsonMapper;

/**
 * Replicate (docs/providers/replicate.md). The provider model is {@code owner/name}
 * (official model endpoint) or {@code owner/name:version} ({@code POST /predictions});
 * the gateway's {@code input} is Replicate's {@code input} verbatim. With
 * {@code sync-wait} set, a prediction that succeeds within the wait completes the task at
 * submit. Webhooks go to the gateway's callback URL and are checked with Standard
 * Webhooks when the secret is configured.
 */
@Component
public class ReplicateAdapter implements ProviderAdapter {

    public static final ProviderId ID = ProviderId.of("replicate");

    private static final Logger log = LoggerFactory.getLogger(ReplicateAdapter.class);

    private final ReplicateProperties properties;

    private final ReplicateClient client;

    private final @Nullable ReplicateCallbackVerifier webhooks;

    public ReplicateAdapter(ReplicateProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.client = new ReplicateClient(properties, json);
        this.webhooks = properties.hasWebhookSecret()
                ? new ReplicateCallbackVerifier(String.valueOf(properties.webhookSecret()), clock) : null;
        if (properties.hasCredentials() && webhooks == null) {
            log.warn(
                    "replicate has no webhook secret (gateway.providers.replicate.webhook-secret): webhooks are checked "
                            + "only by the gateway's signed callback URL");
        }
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

    /**
     * Replicate serves every prediction's files from {@code replicate.delivery}
     * (docs/providers/replicate.md). Since a tenant picks any public model, and a model
     * can answer with any URL it likes, only those hosts (and the configured base URL's
     * origin) are fetched.
     */
    @Override
    public OutputHosts outputHosts() {
        return OutputHosts.of(properties.baseUrl(), "replicate.delivery", "*.replicate.delivery");
    }

    @Override
    public Submission submit(GenerationRequest request) {
        Credentials.require(this);
        ReplicateModelRef model = ReplicateModelRef.parse(request.providerModel());
        if (!request.input().isObject()) {
            throw new InvalidRequest("Invalid parameter: input must be a JSON object");
        }
        String webhook = request.callbackUrl() == null ? null : request.callbackUrl().toString();
        ReplicateApi.Prediction created = client.create(model, new ReplicateApi.CreatePrediction(model.version(),
                request.input(), webhook, webhook == null ? null : ReplicateApi.WEBHOOK_EVENTS));
        if (created.id() == null || created.id().isBlank()) {
            throw new ProviderUnavailable("The provider answered without a prediction id.");
        }
        // Prefer: wait may already have the result; any other final state is reported by
        // the first poll
        if (ReplicateStatus.fromWire(created.status()).orElse(null) == ReplicateStatus.SUCCEEDED
                && !Boolean.TRUE.equals(created.dataRemoved())) {
            List<ProviderOutput> files = ReplicateOutputs.files(created.output());
            if (!files.isEmpty()) {
                return Submission.completed(created.id(), null, files);
            }
        }
        return Submission.accepted(created.id(), null);
    }

    @Override
    public PollResult poll(ProviderTaskRef ref) {
        Credentials.require(this);
        ReplicateApi.Prediction prediction = client.get(ref.providerTaskId());
        Optional<ReplicateStatus> status = ReplicateStatus.fromWire(prediction.status());
        if (status.isEmpty()) {
            log.warn("replicate reported an undocumented status, treating it as pending taskId={} status={}",
                    ref.taskId(), prediction.status());
            return PollResult.Pending.inQueue();
        }
        return status.get().toPollResult(prediction);
    }

    /**
     * {@code POST /predictions/{id}/cancel} (providers.md section 11). Replicate answers
     * the prediction: {@code canceled} once stopped; a prediction that had already ended
     * keeps its final status, and 404 means Replicate forgot it.
     */
    @Override
    public CancelResult cancel(ProviderTaskRef ref) {
        Credentials.require(this);
        try {
            ReplicateApi.Prediction prediction = client.cancel(ref.providerTaskId());
            return ReplicateStatus.fromWire(prediction.status()).orElse(null) == ReplicateStatus.CANCELED
                    ? CancelResult.CANCELLED : CancelResult.NOT_RUNNING;
        }
        catch (NotFound e) {
            return CancelResult.NOT_RUNNING;
        }
    }

    @Override
    public void verifyCallback(ProviderCallback callback) {
        if (webhooks != null) {
            webhooks.verify(callback);
        }
    }

    @Override
    public String toString() {
        return "ReplicateAdapter[" + properties + "]";
    }

}
