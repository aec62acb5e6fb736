package com.aimedia.gateway.workers.outputs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.storage.MediaTypes;
import com.aimedia.gateway.storage.OutputKey;
import com.aimedia.gateway.storage.OutputRefs;
import com.aimedia.gateway.storage.OutputStore;
import com.aimedia.gateway.storage.OutputTooLargeException;
import com.aimedia.gateway.storage.StorageMetrics;
import com.aimedia.gateway.storage.StorageMetrics.CopyOutcome;
import com.aimedia.gateway.storage.StorageProperties;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.OutputHosts;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;

/**
 * Copies every output of a finished task into the gateway's store and reports
 * {@code gateway-output:<key>} references, which api-service and callback-service sign
 * whenever they render the task: clients never need a provider credential, a provider URL
 * that expires after minutes (BFL: 10) does not matter, and links stay fresh for the
 * whole retention. The key is fixed by task, position, media type and the tenant's
 * retention, so a copy repeated after a crash replaces the same object. Downloads go
 * through the {@link OutputDownloader} (the SSRF guard); a task may have at most
 * {@code maxOutputs} outputs of at most {@code maxBytes} each, so a provider answer
 * cannot fill the store.
 */
final class StoredOutputs implements OutputPublisher {

    private static final Logger log = LoggerFactory.getLogger(StoredOutputs.class);

    private final OutputStore store;

    private final OutputDownloader downloader;

    private final int maxOutputs;

    private final long maxBytes;

    private final TaskTenants tenants;

    private final StorageProperties.Retention retention;

    private final DailyQuota quota;

    private final StorageMetrics metrics;

    StoredOutputs(OutputStore store, OutputDownloader downloader, int maxOutputs, long maxBytes, TaskTenants tenants,
            StorageProperties.Retention retention, DailyQuota quota, StorageMetrics metrics) {
        this.store = store;
        this.downloader = downloader;
        this.maxOutputs = maxOutputs;
        this.maxBytes = maxBytes;
        this.tenants = tenants;
        this.retention = retention;
        this.quota = quota;
        this.metrics = metrics;
    }

    static String tooLarge(long maxBytes) {
        return "The result is larger than the gateway accepts (" + maxBytes + " bytes per output).";
    }

    @Override
    public List<String> publish(String taskId, String provider, OutputHosts hosts, List<ProviderOutput> outputs) {
        if (outputs.size() > maxOutputs) {
            log.warn("outputs refused, too many taskId={} count={} max={}", taskId, outputs.size(), maxOutputs);
            throw new OutputRejectedException("The provider returned " + outputs.size()
                    + " results; the gateway keeps at most " + maxOutputs + " per task.");
        }
        Optional<String> tenant = tenants.tenantOf(taskId);
        int retentionDays = tenant.map(retention::daysFor).orElse((int) retention.defaultPeriod().toDays());
        List<String> published = new ArrayList<>(outputs.size());
        for (int index = 0; index < outputs.size(); index++) {
            Target target = new Target(taskId, index, retentionDays, tenant, provider);
            long started = System.nanoTime();
            try {
                Stored stored = switch (outputs.get(index)) {
                    case ProviderOutput.Remote remote -> copy(target, remote, hosts);
                    case ProviderOutput.Inline inline ->
                        put(target, inline.contentType(), new ByteArrayInputStream(inline.content()));
                };
                metrics.copied(provider, CopyOutcome.SUCCESS, Duration.ofNanos(System.nanoTime() - started),
                        stored.bytes());
                published.add(OutputRefs.of(stored.key()));
            }
            catch (OutputRejectedException e) {
                metrics.copied(provider, CopyOutcome.REJECTED, Duration.ofNanos(System.nanoTime() - started), 0);
                throw e;
            }
            catch (OutputUnavailableException e) {
                metrics.copied(provider, CopyOutcome.FAILURE, Duration.ofNanos(System.nanoTime() - started), 0);
                throw e;
            }
        }
        log.info("outputs stored taskId={} provider={} count={}", taskId, provider, published.size());
        return published;
    }

    private Stored copy(Target target, ProviderOutput.Remote remote, OutputHosts hosts) {
        try (OutputDownloader.Download download = downloader.open(remote, hosts)) {
            String contentType = download.contentType()
                .map(MediaTypes::normalize)
                .filter(type -> !MediaTypes.UNKNOWN.equals(type))
                .orElseGet(() -> MediaTypes.contentTypeOf(String.valueOf(remote.uri().getPath())));
            return put(target, contentType, download.body());
        }
    }

    private Stored put(Target target, String contentType, InputStream content) {
        OutputKey key = OutputKey.of(target.retentionDays(), target.taskId(), target.index(), contentType);
        OptionalLong left = target.tenant().map(quota::remaining).orElse(OptionalLong.empty());
        long limit = left.isPresent() ? Math.min(maxBytes, left.getAsLong()) : maxBytes;
        long stored;
        try {
            stored = store.put(key, content, limit);
        }
        catch (OutputTooLargeException e) {
            if (left.isPresent() && left.getAsLong() < maxBytes) {
                throw quotaExceeded(target);
            }
            log.warn("output refused, larger than the limit taskId={} index={} maxBytes={}", target.taskId(),
                    target.index(), maxBytes);
            throw new OutputRejectedException(tooLarge(maxBytes));
        }
        catch (IOException e) {
            log.warn("output not stored taskId={} index={} error={}", target.taskId(), target.index(),
                    e.getClass().getSimpleName());
            throw new OutputUnavailableException(
                    "The result could not be downloaded and stored; the next poll tries " + "again.", e);
        }
        target.tenant().ifPresent(tenant -> quota.add(tenant, stored));
        return new Stored(key, stored);
    }

    private static OutputRejectedException quotaExceeded(Target target) {
        log.warn("output rejected, daily storage limit reached taskId={} provider={}", target.taskId(),
                target.provider());
        return new OutputRejectedException(ErrorCode.STORAGE_QUOTA_EXCEEDED, "The result was not stored: this account "
                + "reached its daily output storage limit (gateway.storage.quota); it resets at 00:00 UTC.");
    }

    private record Stored(OutputKey key, long bytes) {
    }

    private record Target(String taskId, int index, int retentionDays, Optional<String> tenant, String provider) {
    }

}
