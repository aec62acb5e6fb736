package com.aimedia.gateway.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Outputs in an S3-compatible bucket. Content is streamed in parts of a fixed size (only
 * one part is ever in memory): a short output is one PutObject, a longer one a multipart
 * upload. Each part carries its Content-MD5, which the server checks before it accepts
 * the part. Nothing is visible under the key until the upload completes; a failed upload
 * is aborted, and one a crash left behind is removed by the lifecycle rule for incomplete
 * uploads ({@link S3Lifecycle}). Requests are retried by the SDK's standard retry
 * strategy (each part is a byte array, so a retry resends it).
 */
public final class S3OutputStore implements OutputStore {

    private static final Logger log = LoggerFactory.getLogger(S3OutputStore.class);

    private final S3Client s3;

    private final String bucket;

    private final int partSize;

    private final StorageMetrics metrics;

    public S3OutputStore(S3Client s3, String bucket, int partSize, StorageMetrics metrics) {
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
        this.metrics = metrics;
    }

    @Override
    public long put(OutputKey key, InputStream content, long maxBytes) throws IOException {
        byte[] first = readPart(content, maxBytes, 0);
        if (first.length == 0) {
            throw new IOException("empty output");
        }
        try {
            if (first.length < partSize) {
                putWhole(key, first);
                return first.length;
            }
            return putMultipart(key, first, content, maxBytes);
        }
        catch (SdkException e) {
            metrics.storeError(kind(), "put");
            throw new IOException("the output store refused the upload (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public boolean exists(OutputKey key) throws IOException {
        try {
            s3.headObject(head -> head.bucket(bucket).key(key.value()));
            return true;
        }
        catch (NoSuchKeyException e) {
            return false;
        }
        catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            metrics.storeError(kind(), "head");
            throw new IOException("the output store could not be asked for " + key, e);
        }
    }

    @Override
    public String kind() {
        return "s3";
    }

    private void putWhole(OutputKey key, byte[] content) {
        s3.putObject(put -> put.bucket(bucket)
            .key(key.value())
            .contentType(key.contentType())
            .contentDisposition(key.contentDisposition())
            .contentMD5(md5(content, content.length)), RequestBody.fromBytes(content));
    }

    private long putMultipart(OutputKey key, byte[] first, InputStream content, long maxBytes) throws IOException {
        String uploadId = s3
            .createMultipartUpload(create -> create.bucket(bucket)
                .key(key.value())
                .contentType(key.contentType())
                .contentDisposition(key.contentDisposition()))
            .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long total = 0;
            byte[] part = first;
            while (part.length > 0) {
                parts.add(uploadPart(key, uploadId, parts.size() + 1, part));
                total += part.length;
                part = part.length < partSize ? new byte[0] : readPart(content, maxBytes, total);
            }
            s3.completeMultipartUpload(complete -> complete.bucket(bucket)
                .key(key.value())
                .uploadId(uploadId)
                .multipartUpload(upload -> upload.parts(parts)));
            return total;
        }
        catch (IOException | RuntimeException e) {
            abort(key, uploadId);
            throw e;
        }
    }

    private CompletedPart uploadPart(OutputKey key, String uploadId, int number, byte[] part) {
        String eTag = s3
            .uploadPart(upload -> upload.bucket(bucket)
                .key(key.value())
                .uploadId(uploadId)
                .partNumber(number)
                .contentLength((long) part.length)
                .contentMD5(md5(part, part.length)), RequestBody.fromBytes(part))
            .eTag();
        return CompletedPart.builder().partNumber(number).eTag(eTag).build();
    }

    private void abort(OutputKey key, String uploadId) {
        try {
            s3.abortMultipartUpload(abort -> abort.bucket(bucket).key(key.value()).uploadId(uploadId));
        }
        catch (SdkException e) {
            // the lifecycle rule for incomplete uploads removes it; nothing was ever
            // visible under the key
            metrics.storeError(kind(), "abort");
            log.warn("multipart upload not aborted, the lifecycle rule removes it key={} error={}", key,
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Reads up to one part; fails as soon as the output passes its limit, before the rest
     * is read.
     */
    private byte[] readPart(InputStream content, long maxBytes, long alreadyRead) throws IOException {
        byte[] part = content.readNBytes(partSize);
        if (alreadyRead + part.length > maxBytes) {
            throw new OutputTooLargeException(maxBytes);
        }
        return part;
    }

    private static String md5(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            digest.update(bytes, 0, length);
            return Base64.getEncoder().encodeToString(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

}
