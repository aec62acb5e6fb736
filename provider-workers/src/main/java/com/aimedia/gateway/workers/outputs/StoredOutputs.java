package com.aimedia.gateway.workers.outputs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;

/**
 * Copies every output of a finished task into the gateway's store and reports {@code gateway-output:<key>}
 * references, which api-service and callback-service sign whenever they render the task: clients never need a
 * provider credential, a provider URL that expires after minutes (BFL: 10) does not matter, and links stay fresh for
 * the whole retention. The key is fixed by task, position, media type and the tenant's retention, so a copy repeated
 * after a crash replaces the same object.
 */
final class StoredOutputs implements OutputPublisher {

    private static final Logger log = LoggerFactory.getLogger(StoredOutputs.class);

    private final OutputStore store;
    private final HttpClient http;
    private final Duration downloadTimeout;
    private final long maxBytes;
    private final TaskTenants tenants;
    private final StorageProperties.Retention retention;
    private final DailyQuota quota;
    private final StorageMetrics metrics;

    StoredOutputs(OutputStore store, HttpClient http, Duration downloadTimeout, long maxBytes, TaskTenants tenants,
            StorageProperties.Retention retention, DailyQuota quota, StorageMetrics metrics) {
        this.store = store;
        this.http = http;
        this.downloadTimeout = downloadTimeout;
        this.maxBytes = maxBytes;
        this.tenants = tenants;
        this.retention = retention;
        this.quota = quota;
        this.metrics = metrics;
    }

    @Override
    public List<String> publish(String taskId, String provider, List<ProviderOutput> outputs) {
        Optional<String> tenant = tenants.tenantOf(taskId);
        int retentionDays = tenant.map(retention::daysFor).orElse((int) retention.defaultPeriod().toDays());
        List<String> published = new ArrayList<>(outputs.size());
        for (int index = 0; index < outputs.size(); index++) {
            Target target = new Target(taskId, index, retentionDays, tenant, provider);
            long started = System.nanoTime();
            try {
                Stored stored = switch (outputs.get(index)) {
                    case ProviderOutput.Remote remote -> copy(target, remote);
                    case ProviderOutput.Inline inline -> put(target, inline.contentType(),
                            new ByteArrayInputStream(inline.content()));
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

    private Stored copy(Target target, ProviderOutput.Remote remote) {
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
                        "The result download from the provider answered HTTP " + response.statusCode() + ".");
            }
            String contentType = response.headers().firstValue("Content-Type")
                .map(MediaTypes::normalize)
                .filter(type -> !MediaTypes.UNKNOWN.equals(type))
                .orElseGet(() -> MediaTypes.contentTypeOf(remote.uri().getPath()));
            return put(target, contentType, body);
        }
        catch (IOException e) {
            throw new OutputUnavailableException("The result download from the provider broke off.", e);
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
            throw new OutputUnavailableException("The result is larger than " + maxBytes + " bytes.", e);
        }
        catch (IOException e) {
            throw new OutputUnavailableException("The result could not be stored (" + e.getClass().getSimpleName()
                    + ").", e);
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
