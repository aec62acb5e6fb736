package com.aimedia.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.Random;
import java.util.TreeSet;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * Against s3proxy, a real S3 server (in-memory blob store) running in this JVM: SigV4
 * checked, multipart real.
 */
class S3OutputStoreTest {

    private static final String BUCKET = "outputs";

    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider
        .create(AwsBasicCredentials.create("test-access-key", "test-secret-key-0123456789"));

    private static final int PART = 5 * 1024 * 1024;

    private static S3Proxy proxy;

    private static BlobStoreContext blobs;

    private static S3Client s3;

    private static StorageProperties.S3 settings;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() throws Exception {
        blobs = ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .overrides(new Properties())
            .build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
            .blobStore(blobs.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "test-access-key", "test-secret-key-0123456789")
            .build();
        proxy.start();
        org.awaitility.Awaitility.await().until(() -> "STARTED".equals(proxy.getState()));
        settings = new StorageProperties.S3(BUCKET, "us-east-1", URI.create("http://127.0.0.1:" + proxy.getPort()),
                null, true, null, DataSize.ofBytes(PART), 3, false, false);
        s3 = S3Clients.create(settings, CREDENTIALS);
        s3.createBucket(create -> create.bucket(BUCKET));
    }

    @AfterAll
    static void stopServer() throws Exception {
        s3.close();
        proxy.stop();
        blobs.close();
    }

    private S3OutputStore store() {
        return new S3OutputStore(s3, BUCKET, PART, new StorageMetrics(registry));
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void should_store_a_small_output_with_its_type_when_it_fits_one_part() throws IOException {
        OutputKey key = OutputKey.of(30, "small", 0, "audio/mpeg");

        long stored = store().put(key, new ByteArrayInputStream(random(1000)), 10_000);

        ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(get -> get.bucket(BUCKET).key(key.value()));
        assertThat(stored).isEqualTo(1000);
        assertThat(object.asByteArray()).isEqualTo(random(1000));
        assertThat(object.response().contentType()).isEqualTo("audio/mpeg");
        assertThat(object.response().contentDisposition()).isEqualTo("inline; filename=\"small-0.mp3\"");
    }

    @Test
    void should_upload_in_parts_when_the_output_is_larger_than_a_part() throws IOException {
        OutputKey key = OutputKey.of(30, "large", 0, "video/mp4");
        byte[] content = random(2 * PART + 1234);

        long stored = store().put(key, new ByteArrayInputStream(content), Long.MAX_VALUE);

        assertThat(stored).isEqualTo(content.length);
        assertThat(s3.getObjectAsBytes(get -> get.bucket(BUCKET).key(key.value())).asByteArray()).isEqualTo(content);
    }

    @Test
    void should_leave_no_object_and_no_upload_when_the_copy_breaks_off() {
        OutputKey key = OutputKey.of(30, "broken", 0, "video/mp4");
        InputStream breaking = new SequenceInputStream(new ByteArrayInputStream(random(PART + 10)), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });

        assertThatThrownBy(() -> store().put(key, breaking, Long.MAX_VALUE)).hasMessage("connection reset");

        assertThat(s3.listObjectsV2(list -> list.bucket(BUCKET).prefix("r30/broken/")).contents()).isEmpty();
        assertThat(s3.listMultipartUploads(list -> list.bucket(BUCKET)).uploads()).isEmpty();
    }

    @Test
    void should_store_nothing_when_the_output_is_larger_than_allowed() throws IOException {
        OutputKey key = OutputKey.of(30, "toolarge", 0, "video/mp4");

        assertThatThrownBy(() -> store().put(key, new ByteArrayInputStream(random(PART + 10)), PART + 5))
            .isInstanceOf(OutputTooLargeException.class);

        assertThat(store().exists(key)).isFalse();
        assertThat(s3.listMultipartUploads(list -> list.bucket(BUCKET)).uploads()).isEmpty();
    }

    @Test
    void should_keep_one_object_when_a_copy_is_repeated() throws IOException {
        OutputKey key = OutputKey.of(30, "twice", 0, "image/png");

        store().put(key, new ByteArrayInputStream(random(10)), 100);
        store().put(key, new ByteArrayInputStream(random(20)), 100);

        assertThat(s3.listObjectsV2(list -> list.bucket(BUCKET).prefix("r30/twice/")).contents()).hasSize(1);
    }

    @Test
    void should_serve_ranges_with_the_stored_type_when_the_presigned_link_is_used() throws Exception {
        OutputKey key = OutputKey.of(30, "linked", 0, "video/mp4");
        store().put(key, new ByteArrayInputStream(random(5000)), 10_000);
        Instant now = Instant.now();
        LinkWindow window = LinkWindow.of(now, new StorageProperties.Links(Duration.ofDays(7), Duration.ofHours(1)),
                now.plus(Duration.ofDays(30)));
        S3OutputLinks links = new S3OutputLinks(settings, CREDENTIALS);

        String link = links.link(key, window);
        HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> range = http.send(
                HttpRequest.newBuilder(URI.create(link)).header("Range", "bytes=10-19").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(links.link(key, window)).isEqualTo(link);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(random(5000));
        assertThat(whole.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(whole.headers().firstValue("Content-Disposition")).contains("inline; filename=\"linked-0.mp4\"");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(random(5000), 10, 20));
    }

    @Test
    void should_refuse_the_link_when_its_signature_is_changed() throws Exception {
        OutputKey key = OutputKey.of(30, "forged", 0, "image/png");
        store().put(key, new ByteArrayInputStream(random(10)), 100);
        Instant now = Instant.now();
        String link = new S3OutputLinks(settings, CREDENTIALS).link(key, LinkWindow.of(now,
                new StorageProperties.Links(Duration.ofDays(7), Duration.ofHours(1)), now.plus(Duration.ofDays(30))));
        // the first hex digit of the signature, changed for certain (to 1 if it was 0,
        // else to 0)
        int at = link.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        String forged = link.substring(0, at) + (link.charAt(at) == '0' ? '1' : '0') + link.substring(at + 1);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(forged)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(forged).isNotEqualTo(link);
        assertThat(response.statusCode()).isEqualTo(403);
    }

    /**
     * A link never outlives the retention of its output (LinkWindow caps it there), so
     * the bucket refuses it once retention has ended, whether or not the lifecycle rule
     * has deleted the object yet; the task body then says {@code outputs_expired} and
     * carries no link (TaskBodyLinksTest).
     */
    @Test
    void should_refuse_a_link_issued_before_retention_ended_once_it_has_ended() throws Exception {
        OutputKey key = OutputKey.of(30, "retained", 0, "image/png");
        store().put(key, new ByteArrayInputStream(random(10)), 100);
        Instant now = Instant.now();
        Instant retentionEnd = now.minusSeconds(60);
        String link = new S3OutputLinks(settings, CREDENTIALS).link(key, LinkWindow.of(now.minus(Duration.ofHours(2)),
                new StorageProperties.Links(Duration.ofDays(7), Duration.ofHours(1)), retentionEnd));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(s3.headObject(head -> head.bucket(BUCKET).key(key.value())).contentLength())
            .as("the object is still there")
            .isEqualTo(10);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    }

    @Test
    void should_point_links_at_the_cdn_when_a_cdn_base_url_is_set() {
        OutputKey key = OutputKey.of(30, "cdn", 0, "image/png");
        StorageProperties.S3 withCdn = new StorageProperties.S3(BUCKET, "us-east-1", settings.endpoint(), null, true,
                URI.create("https://cdn.example.com/"), DataSize.ofBytes(PART), 3, false, false);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        String link = new S3OutputLinks(withCdn, CREDENTIALS).link(key, LinkWindow.of(now,
                new StorageProperties.Links(Duration.ofDays(7), Duration.ofHours(1)), now.plus(Duration.ofDays(30))));

        assertThat(link).startsWith("https://cdn.example.com/" + BUCKET + "/r30/cdn/0.png?")
            .contains("X-Amz-Date=20260101T000000Z", "X-Amz-Expires=604800", "X-Amz-Signature=");
    }

    @Test
    void should_expire_each_retention_prefix_and_abort_stale_uploads_when_rules_are_built() {
        var rules = S3Lifecycle.rules(new TreeSet<>(java.util.List.of(7, 30)), true).rules();

        assertThat(rules).extracting(LifecycleRule::id)
            .containsExactly("gateway-retention-7d", "gateway-retention-30d", S3Lifecycle.INCOMPLETE_UPLOADS_RULE);
        assertThat(rules.get(1).filter().prefix()).isEqualTo("r30/");
        assertThat(rules.get(1).expiration().days()).isEqualTo(30);
        assertThat(rules.get(2).abortIncompleteMultipartUpload().daysAfterInitiation()).isEqualTo(1);
        assertThat(S3Lifecycle.rules(new TreeSet<>(java.util.List.of(30)), false).rules()).extracting(LifecycleRule::id)
            .containsExactly("gateway-retention-30d");
    }

    @Test
    void should_sign_links_for_the_public_endpoint_when_clients_reach_the_store_elsewhere() {
        StorageProperties.S3 split = new StorageProperties.S3(BUCKET, "us-east-1", settings.endpoint(),
                URI.create("http://localhost:9000"), true, null, DataSize.ofBytes(PART), 3, false, false);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        String link = new S3OutputLinks(split, CREDENTIALS).link(OutputKey.of(30, "pub", 0, "image/png"),
                LinkWindow.of(now, new StorageProperties.Links(Duration.ofDays(7), Duration.ofHours(1)),
                        now.plus(Duration.ofDays(30))));

        assertThat(link).startsWith("http://localhost:9000/" + BUCKET + "/r30/pub/0.png?");
    }

}
