package com.aimedia.gateway.storage;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.retries.StandardRetryStrategy;

/** The S3 client of the store, built from the settings. */
public final class S3Clients {

    private S3Clients() {
    }

    /**
     * Checksums are the parts' Content-MD5, which every S3-compatible server checks; the
     * SDK's newer trailing checksums (aws-chunked) are sent only where an operation
     * requires them, because GCS and older MinIO reject them.
     */
    public static S3Client create(StorageProperties.S3 settings, AwsCredentialsProvider credentials) {
        RetryStrategy retries = StandardRetryStrategy.builder().maxAttempts(settings.maxAttempts()).build();
        var builder = S3Client.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .httpClientBuilder(ApacheHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60)))
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyleAccess()).build())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .overrideConfiguration(override -> override.retryStrategy(retries));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

}
