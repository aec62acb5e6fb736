package com.aimedia.gateway.workers.outputs;

import java.time.Clock;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aimedia.gateway.storage.LocalOutputLinks;
import com.aimedia.gateway.storage.LocalOutputStore;
import com.aimedia.gateway.storage.LocalRetentionSweeper;
import com.aimedia.gateway.storage.S3Clients;
import com.aimedia.gateway.storage.S3Lifecycle;
import com.aimedia.gateway.storage.S3OutputStore;
import com.aimedia.gateway.storage.StorageMetrics;
import com.aimedia.gateway.storage.StorageProperties;
import com.aimedia.gateway.urlguard.CallbackUrlGuard;
import com.aimedia.gateway.urlguard.HostResolver;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How finished tasks' outputs reach clients: copied into the configured store (a local
 * directory served by this service, or an S3-compatible bucket) and linked by signed
 * URLs; without a store the providers' own URLs are passed through.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class OutputsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutputsConfiguration.class);

    @Bean
    StorageMetrics storageMetrics(MeterRegistry registry) {
        return new StorageMetrics(registry);
    }

    @Bean
    ConfiguredStore configuredStore(StorageProperties properties, StorageMetrics metrics) {
        if (!properties.enabled()) {
            log.warn("no output store configured (gateway.storage): provider result URLs are passed through");
            return new ConfiguredStore.None();
        }
        return switch (properties.type()) {
            case LOCAL -> local(properties.local(), metrics);
            case S3 -> s3(properties, metrics);
        };
    }

    @Bean
    RetentionSweeps retentionSweeps(ConfiguredStore configured, StorageProperties properties, Clock clock) {
        return new RetentionSweeps(configured, properties.local().sweepInterval(), clock);
    }

    /** A bean so that tests can resolve names with a fake resolver. */
    @Bean
    HostResolver outputHostResolver() {
        return HostResolver.system();
    }

    @Bean
    OutputPublisher outputPublisher(ConfiguredStore configured, OutputProperties outputs, StorageProperties storage,
            HostResolver outputHostResolver, MongoDatabase database, StorageMetrics metrics, Clock clock) {
        if (configured instanceof ConfiguredStore.None) {
            return new PassThroughOutputs(outputs.maxOutputs());
        }
        long maxBytes = outputs.maxSize().toBytes();
        // downloads go through the SSRF guard (docs/security.md), never a client that
        // follows redirects by itself
        OutputDownloader downloader = new OutputDownloader(
                new CallbackUrlGuard(outputs.allowedNetworks(), outputHostResolver), outputs.connectTimeout(),
                outputs.downloadTimeout(), outputs.maxRedirects(), maxBytes);
        return new StoredOutputs(ConfiguredStore.storeOf(configured), downloader, outputs.maxOutputs(), maxBytes,
                new TaskTenants(database), storage.retention(), new DailyQuota(database, storage.quota(), clock),
                metrics);
    }

    private static ConfiguredStore local(StorageProperties.Local local, StorageMetrics metrics) {
        if (local.baseUrl() == null || local.signingSecret() == null) {
            throw new IllegalStateException("gateway.storage.local.base-url and signing-secret are required");
        }
        return new ConfiguredStore.Local(new LocalOutputStore(local.directory(), metrics),
                new LocalOutputLinks(local.baseUrl(), local.signingSecret()),
                new LocalRetentionSweeper(local.directory(), metrics));
    }

    private ConfiguredStore s3(StorageProperties properties, StorageMetrics metrics) {
        StorageProperties.S3 settings = properties.s3();
        String bucket = Objects.requireNonNull(settings.bucket());
        S3Client client = S3Clients.create(settings, DefaultCredentialsProvider.builder().build());
        if (settings.manageLifecycle()) {
            try {
                S3Lifecycle.install(client, bucket, properties.retention().allDays(),
                        settings.abortIncompleteUploads());
            }
            catch (SdkException e) {
                metrics.storeError("s3", "lifecycle");
                throw new IllegalStateException("the retention rules could not be installed on bucket " + bucket
                        + " (set gateway.storage.s3.manage-lifecycle=false when its lifecycle is managed elsewhere)",
                        e);
            }
        }
        return new ConfiguredStore.S3(new S3OutputStore(client, bucket, (int) settings.partSize().toBytes(), metrics),
                client);
    }

}
