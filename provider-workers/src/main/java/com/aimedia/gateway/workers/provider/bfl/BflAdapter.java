package com.aimedia.gateway.workers.provider.bfl;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.workers.provider.spi.Credentials;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.OutputHosts;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderCallback;
import com.aimedia.gateway.workers.provider.spi.ProviderId;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.Submission;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Black Forest Labs Flux (docs/providers/bfl.md). The model is the path
 * ({@code POST /v1/flux-pro-1.1}); the input is BFL's own body. The {@code providerRef}
 * is the returned {@code polling_url} when {@link BflPollingUrls} trusts it, else null
 * (then the task is polled at the configured base). Results ({@code result.sample})
 * expire after 10 minutes and need no key: the worker copies them at once.
 */
@Component
public class BflAdapter implements ProviderAdapter {

    public static final ProviderId ID = ProviderId.of("bfl");

    private static final Logger log = LoggerFactory.getLogger(BflAdapter.class);

    private static final Pattern MODEL_PATH = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    private final BflProperties properties;

    private final BflClient client;

    private final BflPollingUrls pollingUrls;

    private final @Nullable BflCallbackVerifier callbacks;

    public BflAdapter(BflProperties properties, JsonMapper json) {
        this.properties = properties;
        this.client = new BflClient(properties, json);
        this.pollingUrls = new BflPollingUrls(properties.baseUrl(), properties.pollingHosts());
        this.callbacks = properties.hasWebhookSecret()
                ? new BflCallbackVerifier(String.valueOf(properties.webhookSecret())) : null;
    }

    @Override
    public ProviderId id() {
        return ID;
    }

    @Override
    public boolean isConfigured() {
        return properties.hasCredentials();
    }

    /**
     * BFL's delivery hosts (docs/providers/bfl.md:
     * {@code bfldeliveryprod.blob.core.windows.net}), the configured polling hosts
     * ({@code *.bfl.ai}) and the base URL's origin.
     */
    @Override
    public OutputHosts outputHosts() {
        List<String> documented = new ArrayList<>(properties.pollingHosts());
        documented.add("bfldeliveryprod.blob.core.windows.net");
        return OutputHosts.of(properties.baseUrl(), documented.toArray(String[]::new));
    }

    @Override
    public Submission submit(GenerationRequest request) {
        Credentials.require(this);
        if (!MODEL_PATH.matcher(request.providerModel()).matches()) {
            throw new InvalidRequest("Invalid parameter: unknown model " + request.providerModel());
        }
        BflApi.CreateResponse created = client.create(request.providerModel(), body(request));
        if (created.id() == null || created.id().isBlank()) {
            throw new ProviderUnavailable("The provider answered without a task id.");
        }
        URI pollingUrl = parse(created.pollingUrl());
        if (pollingUrl != null && !pollingUrls.trusted(pollingUrl)) {
            log.warn("bfl returned a polling_url on a host that is not configured as a BFL host; polling the base URL "
                    + "instead taskId={} host={}", request.taskId(), pollingUrl.getHost());
            pollingUrl = null;
        }
        return Submission.accepted(created.id(), pollingUrl == null ? null : pollingUrl.toString());
    }

    @Override
    public PollResult poll(ProviderTaskRef ref) {
        Credentials.require(this);
        // re-checked on every poll: the reference comes back from storage, and the rule
        // may have been tightened
        URI stored = parse(ref.providerRef());
        URI url = stored != null && pollingUrls.trusted(stored) ? stored : pollingUrls.fallback(ref.providerTaskId());
        BflApi.ResultResponse result = client.result(url);
        Optional<BflStatus> status = BflStatus.fromWire(result.status());
        if (status.isEmpty()) {
            log.warn("bfl reported an undocumented status, treating it as pending taskId={} status={}", ref.taskId(),
                    result.status());
            return PollResult.Pending.inProgress();
        }
        return status.get().toPollResult(sample(result.result()), result.progress());
    }

    /**
     * With {@code webhook-secret} configured, checks BFL's signature; without it the
     * gateway-signed URL is the only check.
     */
    @Override
    public void verifyCallback(ProviderCallback callback) {
        if (callbacks != null) {
            callbacks.verify(callback);
        }
    }

    private ObjectNode body(GenerationRequest request) {
        JsonNode input = request.input();
        if (!input.isObject()) {
            throw new InvalidRequest("Invalid parameter: input must be a JSON object");
        }
        ObjectNode body = ((ObjectNode) input).deepCopy();
        // the gateway owns the webhook fields: a client must never redirect BFL's webhook
        // elsewhere
        body.remove("webhook_url");
        body.remove("webhook_secret");
        if (request.callbackUrl() != null) {
            body.put("webhook_url", request.callbackUrl().toString());
            if (properties.hasWebhookSecret()) {
                body.put("webhook_secret", properties.webhookSecret());
            }
        }
        return body;
    }

    private static @Nullable URI sample(@Nullable JsonNode result) {
        JsonNode sample = result == null ? null : result.get("sample");
        return sample != null && sample.isString() ? parse(sample.stringValue()) : null;
    }

    private static @Nullable URI parse(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.trim());
            return uri.isAbsolute() && uri.getHost() != null ? uri : null;
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "BflAdapter[" + properties + "]";
    }

}
