package com.aimedia.gateway.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * The bucket's retention: one rule per retention period in use ({@code r<days>/} objects
 * expire after that many days) and one that removes multipart uploads a crash left
 * incomplete after a day.
 */
public final class S3Lifecycle {

    static final String INCOMPLETE_UPLOADS_RULE = "gateway-abort-incomplete-uploads";

    private S3Lifecycle() {
    }

    public static BucketLifecycleConfiguration rules(SortedSet<Integer> retentionDays, boolean abortIncompleteUploads) {
        List<LifecycleRule> rules = new ArrayList<>();
        for (int days : retentionDays) {
            rules.add(LifecycleRule.builder()
                .id("gateway-retention-" + days + "d")
                .filter(filter -> filter.prefix(OutputKey.retentionPrefix(days)))
                .expiration(expiration -> expiration.days(days))
                .status(ExpirationStatus.ENABLED)
                .build());
        }
        if (!abortIncompleteUploads) {
            return BucketLifecycleConfiguration.builder().rules(rules).build();
        }
        rules.add(LifecycleRule.builder()
            .id(INCOMPLETE_UPLOADS_RULE)
            .filter(filter -> filter.prefix(""))
            .abortIncompleteMultipartUpload(abort -> abort.daysAfterInitiation(1))
            .status(ExpirationStatus.ENABLED)
            .build());
        return BucketLifecycleConfiguration.builder().rules(rules).build();
    }

    /** Replaces the bucket's lifecycle configuration with the gateway's rules. */
    public static void install(S3Client s3, String bucket, SortedSet<Integer> retentionDays,
            boolean abortIncompleteUploads) {
        s3.putBucketLifecycleConfiguration(
                put -> put.bucket(bucket).lifecycleConfiguration(rules(retentionDays, abortIncompleteUploads)));
    }

}
