package com.aimedia.gateway.workers.outputs;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.workers.provider.spi.ProviderOutput;

/**
 * Copies every output of a finished task into the gateway's store and reports signed gateway URLs: clients never
 * need a provider credential, and a provider URL that expires after minutes (BFL: 10) does not matter.
 */
final class StoredOutputs implements OutputPublisher {

    private static final Logger log = LoggerFactory.getLogger(StoredOutputs.class);

    private final OutputStore store;
    private final OutputUrls urls;
    private final HttpClient http;
    private final Duration downloadTimeout;
    private final long maxBytes;

    StoredOutputs(OutputStore store, OutputUrls urls, HttpClient http, Duration downloadTimeout, long maxBytes) {
        this.store = store;
        this.urls = urls;
        this.http = http;
        this.downloadTimeout = downloadTimeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public List<String> publish(String taskId, List<ProviderOutput> outputs) {
        List<String> published = new ArrayList<>(outputs.size());
        for (int index = 0; index < outputs.size(); index++) {
            String key = switch (outputs.get(index)) {
                case ProviderOutput.Remote remote -> copy(taskId, index, remote);
                case ProviderOutput.Inline inline -> put(taskId, index, inline.contentType(),
                        new ByteArrayInputStream(inline.content()));
            };
            published.add(urls.urlFor(key));
        }
        log.info("outputs stored taskId={} count={}", taskId, published.size());
        return published;
    }

    private String copy(String taskId, int index, ProviderOutput.Remote remote) {
        HttpRequest.Builder request = HttpRequest.newBuilder(remote.uri()).timeout(downloadTimeout).GET();
        remote.headers().forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        }
        catch (IOException e) {
            throw new OutputUnavailableException("The result could not be downloaded from the provider ("
                    + e.getClass().getSimpleName() + ").", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutputUnavailableException("Interrupted while downloading the result.", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new OutputUnavailableException(
                        "The provider answered HTTP " + response.statusCode() + " to the result download.");
            }
            String contentType = response.headers().firstValue("Content-Type")
                .filter(type -> !type.startsWith("application/octet-stream"))
                .orElseGet(() -> MediaTypes.guessFromPath(remote.uri().getPath()));
            return put(taskId, index, contentType, body);
        }
        catch (IOException e) {
            throw new OutputUnavailableException("The result download from the provider broke off.", e);
        }
    }

    private String put(String taskId, int index, String contentType, InputStream content) {
        try {
            return store.put(taskId, index, contentType, content, maxBytes);
        }
        catch (IOException e) {
            throw new OutputUnavailableException("The result could not be stored (" + e.getMessage() + ").", e);
        }
    }
}
