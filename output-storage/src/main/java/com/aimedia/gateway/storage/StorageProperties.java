package com.aimedia.gateway.storage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The output store, read by provider-workers (writes and serves outputs) and by
 * api-service and callback-service (sign the links of stored outputs when they render a
 * task). All three must be given the same values.
 *
 * @param type {@code local} (a directory served by provider-workers; the embedded
 * default) or {@code s3}
 * @param local the local directory store
 * @param s3 the S3-compatible bucket
 * @param links how long a download link stays valid and how its expiry is rounded
 * @param retention how long outputs are kept, per tenant
 * @param quota how many output bytes a tenant may store per UTC day
 */
@Validated
@ConfigurationProperties("gateway.storage")
public record StorageProperties(@DefaultValue("local") @NotNull StorageType type, @DefaultValue @NotNull Local local,
        @DefaultValue @NotNull S3 s3, @DefaultValue @NotNull Links links, @DefaultValue @NotNull Retention retention,
        @DefaultValue @NotNull Quota quota) {

    public StorageProperties {
        if (type == StorageType.S3) {
            if (s3.bucket() == null || s3.bucket().isBlank()) {
                throw new IllegalArgumentException(
                        "gateway.storage.s3.bucket must be set when gateway.storage.type=s3");
            }
            if (links.ttl().compareTo(S3.MAX_PRESIGN) > 0) {
                throw new IllegalArgumentException(
                        "gateway.storage.links.ttl must be at most 7d with gateway.storage.type=s3 (SigV4 limit)");
            }
        }
    }

    /**
     * Whether outputs are copied into the store; without it provider URLs are passed
     * through as they are.
     */
    public boolean enabled() {
        return type == StorageType.S3 || local.baseUrl() != null;
    }

    public enum StorageType {

        LOCAL, S3

    }

    /**
     * @param directory where outputs are kept (a volume all provider-workers replicas
     * share)
     * @param baseUrl public base URL of provider-workers, which serves
     * {@code /files/<key>}; enables the store
     * @param signingSecret HMAC key of the download links, at least 32 characters;
     * required with a base URL
     * @param sweepInterval how often provider-workers deletes outputs whose retention
     * ended
     */
    public record Local(@DefaultValue("${java.io.tmpdir}/gateway-outputs") @NotNull Path directory,
            @Nullable URI baseUrl, @Nullable String signingSecret,
            @DefaultValue("1h") @NotNull Duration sweepInterval) {

        public Local {
            if (baseUrl != null) {
                if (!baseUrl.isAbsolute()
                        || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
                    throw new IllegalArgumentException(
                            "gateway.storage.local.base-url must be an absolute http(s) URL");
                }
                if (signingSecret == null || signingSecret.length() < 32) {
                    throw new IllegalArgumentException("gateway.storage.local.signing-secret must be set (at least 32 "
                            + "characters) when gateway.storage.local.base-url is set");
                }
            }
        }

        @Override
        public String toString() {
            return "Local[directory=" + directory + ", baseUrl=" + baseUrl + ", signingSecret="
                    + (signingSecret == null ? "unset" : "***") + ", sweepInterval=" + sweepInterval + "]";
        }
    }

    /**
     * Credentials come from the AWS SDK's default chain ({@code AWS_ACCESS_KEY_ID} and
     * {@code AWS_SECRET_ACCESS_KEY}, a profile, or the instance role), never from these
     * settings.
     *
     * @param bucket the bucket outputs are written to
     * @param region the bucket's region (any value for most S3-compatible servers)
     * @param endpoint the server for S3-compatible stores (MinIO, R2, GCS); unset for AWS
     * S3
     * @param publicEndpoint the same server as clients reach it, when that differs from
     * {@code endpoint} (e.g. MinIO inside docker compose: {@code http://minio:9000} for
     * uploads, {@code http://localhost:9000} in links)
     * @param pathStyleAccess {@code <endpoint>/<bucket>/<key>} instead of
     * {@code <bucket>.<endpoint>/<key>} (MinIO)
     * @param cdnBaseUrl links point here instead of at the bucket; the CDN must forward
     * the query string and reach the bucket under its own host name (as a CloudFront S3
     * origin does), because the signature covers it
     * @param partSize the multipart upload part size: the most memory one copy holds (5
     * MB at least)
     * @param maxAttempts attempts per S3 request, the first included (the SDK's standard
     * retry with backoff)
     * @param manageLifecycle install the retention rules as the bucket's lifecycle
     * configuration at start-up (replacing any other rules of the bucket); off when the
     * bucket's lifecycle is managed elsewhere
     * @param abortIncompleteUploads include the rule that removes multipart uploads a
     * crash left incomplete; off for MinIO, which refuses that rule and removes stale
     * uploads itself (after 24 hours by default)
     */
    public record S3(@Nullable String bucket, @DefaultValue("us-east-1") @NotNull String region, @Nullable URI endpoint,
            @Nullable URI publicEndpoint, @DefaultValue("false") boolean pathStyleAccess, @Nullable URI cdnBaseUrl,
            @DefaultValue("8MB") @NotNull DataSize partSize, @DefaultValue("4") int maxAttempts,
            @DefaultValue("true") boolean manageLifecycle, @DefaultValue("true") boolean abortIncompleteUploads) {

        static final Duration MAX_PRESIGN = Duration.ofDays(7);
        static final DataSize MIN_PART = DataSize.ofMegabytes(5);

        public S3 {
            if (partSize.compareTo(MIN_PART) < 0 || partSize.toBytes() > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("gateway.storage.s3.part-size must be at least 5MB and below 2GB");
            }
            if (maxAttempts < 1 || maxAttempts > 10) {
                throw new IllegalArgumentException("gateway.storage.s3.max-attempts must be 1 to 10");
            }
        }
    }

    /**
     * A link is signed for the current period of {@code granularity} and stays valid
     * {@code ttl} from the start of that period (never past the end of retention). Every
     * reader in that period signs the same link, so a webhook body is byte for byte what
     * a GET returns in the same period.
     */
    public record Links(@DefaultValue("7d") @NotNull Duration ttl, @DefaultValue("1h") @NotNull Duration granularity) {

        public Links {
            if (granularity.isNegative() || granularity.isZero() || granularity.compareTo(ttl) >= 0) {
                throw new IllegalArgumentException(
                        "gateway.storage.links.granularity must be positive and shorter than gateway.storage.links.ttl");
            }
        }
    }

    /**
     * @param defaultPeriod how long a tenant's outputs are kept, in whole days (30 days)
     * @param tenants a different period for some tenants, by tenant id
     */
    public record Retention(@DefaultValue("30d") @NotNull Duration defaultPeriod,
            @DefaultValue @NotNull Map<String, Duration> tenants) {

        public Retention {
            wholeDays("gateway.storage.retention.default-period", defaultPeriod);
            tenants.forEach((tenant, period) -> wholeDays("gateway.storage.retention.tenants." + tenant, period));
            tenants = Map.copyOf(tenants);
        }

        /** Every period in use, in days: one S3 lifecycle rule each. */
        public SortedSet<Integer> allDays() {
            SortedSet<Integer> days = new TreeSet<>();
            days.add((int) defaultPeriod.toDays());
            tenants.values().forEach(period -> days.add((int) period.toDays()));
            return days;
        }

        /** The days a tenant's new outputs are kept. */
        public int daysFor(String tenantId) {
            return (int) tenants.getOrDefault(tenantId, defaultPeriod).toDays();
        }

        private static void wholeDays(String name, Duration period) {
            if (period.toDays() < 1 || period.toDays() > OutputKey.MAX_RETENTION_DAYS
                    || !period.equals(Duration.ofDays(period.toDays()))) {
                throw new IllegalArgumentException(name + " must be a whole number of days, 1d to 36500d");
            }
        }
    }

    /**
     * @param dailyBytes output bytes a tenant may store per UTC day; unset for no limit
     * @param tenants a different limit for some tenants, by tenant id
     */
    public record Quota(@Nullable DataSize dailyBytes, @DefaultValue @NotNull Map<String, DataSize> tenants) {

        public Quota {
            tenants = Map.copyOf(tenants);
        }

        /** The tenant's daily limit in bytes; empty for no limit. */
        public OptionalLong dailyLimitFor(String tenantId) {
            DataSize limit = tenants.getOrDefault(tenantId, dailyBytes);
            return limit == null ? OptionalLong.empty() : OptionalLong.of(limit.toBytes());
        }
    }
}
