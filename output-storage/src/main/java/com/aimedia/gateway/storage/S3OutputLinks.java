package com.aimedia.gateway.storage;

import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3Utilities;
import software.amazon.awssdk.services.s3.model.GetUrlRequest;

/**
 * Presigned GET links (SigV4, query string) straight to the bucket, or to a CDN in front
 * of it. The SDK's signer is given the rounded signing time of the {@link LinkWindow}
 * instead of the wall clock, so the link is the same for every reader in a period.
 * {@code response-content-disposition} makes the bucket send a download name.
 */
public final class S3OutputLinks implements OutputLinks {

    private final String bucket;

    private final String region;

    private final S3Utilities utilities;

    private final AwsCredentialsProvider credentials;

    private final @Nullable String cdnBaseUrl;

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public S3OutputLinks(StorageProperties.S3 settings, AwsCredentialsProvider credentials) {
        this.bucket = Objects.requireNonNull(settings.bucket(), "bucket");
        this.region = settings.region();
        S3Utilities.Builder utilities = S3Utilities.builder()
            .region(Region.of(settings.region()))
            .s3Configuration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyleAccess()).build());
        URI endpoint = settings.publicEndpoint() != null ? settings.publicEndpoint() : settings.endpoint();
        if (endpoint != null) {
            utilities.endpoint(endpoint);
        }
        this.utilities = utilities.build();
        this.credentials = credentials;
        this.cdnBaseUrl = settings.cdnBaseUrl() == null ? null : settings.cdnBaseUrl().toString().replaceAll("/+$", "");
    }

    @Override
    public String link(OutputKey key, LinkWindow window) {
        URL objectUrl = utilities.getUrl(GetUrlRequest.builder().bucket(bucket).key(key.value()).build());
        SdkHttpRequest request = SdkHttpRequest.builder()
            .method(SdkHttpMethod.GET)
            .uri(URI.create(objectUrl.toString()))
            .putRawQueryParameter("response-content-disposition", key.contentDisposition())
            .build();
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        SdkHttpRequest signed = signer
            .sign(sign -> sign.identity(identity)
                .request(request)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, window.validity())
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(window.signedAt(), ZoneOffset.UTC)))
            .request();
        String url = signed.getUri().toString();
        if (cdnBaseUrl == null) {
            return url;
        }
        URI uri = signed.getUri();
        return cdnBaseUrl + uri.getRawPath() + "?" + uri.getRawQuery();
    }

}
