package com.aimedia.gateway.workers.outputs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.workers.provider.spi.OutputHosts;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;

/**
 * Copies every output of a finished task into the gateway's store and reports signed gateway URLs: clients never
 * need a provider credential, and a provider URL that expires after minutes (BFL: 10) does not matter. Downloads go
 * through the {@link OutputDownloader} (the SSRF guard); a task may have at most {@code maxOutputs} outputs of at
 * most {@code maxBytes} each, so a provider answer cannot fill the store.
 */
final class StoredOutputs implements OutputPublisher {

    private static final Logger log = LoggerFactory.getLogger(StoredOutputs.class);

    private final OutputStore store;
    private final OutputUrls urls;
    private final OutputDownloader downloader;
    private final int maxOutputs;
    private final long maxBytes;

    StoredOutputs(OutputStore store, OutputUrls urls, OutputDownloader downloader, int maxOutputs, long maxBytes) {
        this.store = store;
        this.urls = urls;
        this.downloader = downloader;
        this.maxOutputs = maxOutputs;
        this.maxBytes = maxBytes;
    }

    static String tooLarge(long maxBytes) {
        return "The result is larger than the gateway accepts (" + maxBytes + " bytes per output).";
    }

    @Override
    public List<String> publish(String taskId, OutputHosts hosts, List<ProviderOutput> outputs) {
        if (outputs.size() > maxOutputs) {
            log.warn("outputs refused, too many taskId={} count={} max={}", taskId, outputs.size(), maxOutputs);
            throw new OutputRejectedException("The provider returned " + outputs.size()
                    + " results; the gateway keeps at most " + maxOutputs + " per task.");
        }
        List<String> published = new ArrayList<>(outputs.size());
        for (int index = 0; index < outputs.size(); index++) {
            String key = switch (outputs.get(index)) {
                case ProviderOutput.Remote remote -> copy(taskId, index, remote, hosts);
                case ProviderOutput.Inline inline -> put(taskId, index, inline.contentType(),
                        new ByteArrayInputStream(inline.content()));
            };
            published.add(urls.urlFor(key));
        }
        log.info("outputs stored taskId={} count={}", taskId, published.size());
        return published;
    }

    private String copy(String taskId, int index, ProviderOutput.Remote remote, OutputHosts hosts) {
        try (OutputDownloader.Download download = downloader.open(remote, hosts)) {
            String contentType = download.contentType()
                .filter(type -> !type.startsWith("application/octet-stream"))
                .orElseGet(() -> MediaTypes.guessFromPath(String.valueOf(remote.uri().getPath())));
            return put(taskId, index, contentType, download.body());
        }
    }

    private String put(String taskId, int index, String contentType, InputStream content) {
        try {
            return store.put(taskId, index, contentType, content, maxBytes);
        }
        catch (OutputStore.TooLargeException e) {
            log.warn("output refused, larger than the limit taskId={} index={} maxBytes={}", taskId, index, maxBytes);
            throw new OutputRejectedException(tooLarge(maxBytes));
        }
        catch (IOException e) {
            log.warn("output not stored taskId={} index={} error={}", taskId, index, e.getClass().getSimpleName());
            throw new OutputUnavailableException("The result could not be downloaded and stored; the next poll tries "
                    + "again.", e);
        }
    }
}
