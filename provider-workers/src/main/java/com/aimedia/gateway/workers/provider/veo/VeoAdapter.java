package com.aimedia.gateway.workers.provider.veo;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.workers.provider.spi.Credentials;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.OutputHosts;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderId;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.Submission;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Google Veo (docs/providers/veo.md) as long-running operations on the Gemini API or
 * Vertex AI. The provider task id is the whole operation name (it is the poll path); the
 * {@code providerRef} is the endpoint the task began on ({@code gemini} or
 * {@code vertex}). {@code done} is true on success and on failure; zero samples means the
 * safety filter removed them. Gemini file URIs need the API key, so outputs carry it as a
 * download header. No callbacks: the Gemini webhooks are Beta with an unverified payload
 * and Vertex's Pub/Sub was not researched. No caller id, so {@link #recover} keeps the
 * default.
 */
@Component
public class VeoAdapter implements ProviderAdapter {

    public static final ProviderId ID = ProviderId.of("veo");
    static final String GEMINI = "gemini";
    static final String VERTEX = "vertex";

    private static final Logger log = LoggerFactory.getLogger(VeoAdapter.class);

    private final VeoProperties properties;

    private final VeoClient client;

    private final JsonMapper json;

    public VeoAdapter(VeoProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.client = new VeoClient(properties, json);
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
        boolean vertex = properties.endpoint() == VeoProperties.Endpoint.VERTEX;
        VeoApi.Operation operation = client.submit(vertex, request.providerModel(),
                VeoMapper.toPredictRequest(request, vertex, json));
        if (operation.name() == null || operation.name().isBlank()) {
            throw new ProviderUnavailable("The provider answered without an operation name.");
        }
        return Submission.accepted(operation.name(), vertex ? VERTEX : GEMINI);
    }

    @Override
    public PollResult poll(ProviderTaskRef ref) {
        Credentials.require(this);
        boolean vertex = VERTEX.equals(ref.providerRef());
        VeoApi.Operation operation = client.get(vertex, ref.providerTaskId());
        JsonNode done = operation.done();
        if (done != null && !done.isNull() && !done.isBoolean()) {
            log.warn("veo reported an operation with an undocumented done value, treating it as pending taskId={}",
                    ref.taskId());
            return PollResult.Pending.inProgress();
        }
        List<ProviderOutput> outputs = VeoMapper
            .outputs(operation, client.downloadHeaders(vertex), properties.gcsDownloadBaseUrl())
            .stream()
            .map(output -> keyOnlyForOwnHosts(output, vertex))
            .toList();
        return state(operation, outputs).toPollResult(operation, outputs, VeoMapper.filterReasons(operation));
    }

    /**
     * Gemini Files API links and Vertex GCS objects: the origins the configured base URLs
     * name.
     */
    @Override
    public OutputHosts outputHosts() {
        return new OutputHosts(List.of(origin(properties.baseUrl()), origin(URI.create(properties.vertexBase())),
                origin(properties.gcsDownloadBaseUrl())));
    }

    /**
     * The API key (or Vertex token) goes with a result URL only when that URL is on the
     * host the key belongs to; an operation answer naming any other host gets the URL
     * without it, so the key never leaves Google's API host.
     */
    private ProviderOutput keyOnlyForOwnHosts(ProviderOutput output, boolean vertex) {
        OutputHosts keyHosts = vertex
                ? new OutputHosts(
                        List.of(origin(URI.create(properties.vertexBase())), origin(properties.gcsDownloadBaseUrl())))
                : new OutputHosts(List.of(origin(properties.baseUrl())));
        return keyOnlyFor(keyHosts, output);
    }

    static ProviderOutput keyOnlyFor(OutputHosts keyHosts, ProviderOutput output) {
        return switch (output) {
            case ProviderOutput.Remote remote when !keyHosts.permits(remote.uri()) ->
                new ProviderOutput.Remote(remote.uri(), Map.of());
            case ProviderOutput.Remote remote -> remote;
            case ProviderOutput.Inline inline -> inline;
        };
    }

    private static String origin(URI base) {
        int port = base.getPort() != -1 ? base.getPort() : "http".equalsIgnoreCase(base.getScheme()) ? 80 : 443;
        return base.getHost() + ":" + port;
    }

    private static VeoStatus state(VeoApi.Operation operation, List<ProviderOutput> outputs) {
        if (operation.done() == null || !operation.done().asBoolean()) {
            return VeoStatus.RUNNING;
        }
        if (operation.error() != null) {
            return VeoStatus.FAILED;
        }
        return outputs.isEmpty() ? VeoStatus.FILTERED : VeoStatus.SUCCEEDED;
    }

    @Override
    public String toString() {
        return "VeoAdapter[" + properties + "]";
    }

}
