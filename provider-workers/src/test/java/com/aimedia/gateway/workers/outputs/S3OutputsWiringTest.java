package com.aimedia.gateway.workers.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aimedia.gateway.storage.StorageLinksConfiguration;
import com.aimedia.gateway.storage.TaskBodyLinks;
import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.aimedia.gateway.workers.provider.spi.OutputHosts;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 store as the services wire it from {@code gateway.storage} settings, against
 * s3proxy (a real S3 server in this JVM): provider-workers stores an output, and the
 * reader configuration (api-service, callback-service) turns the task body's reference
 * into a presigned link that downloads it. Credentials come from the SDK's default chain,
 * here its system properties.
 */
class S3OutputsWiringTest {

    private static final String ACCESS_KEY = "wiring-access-key";

    private static final String SECRET_KEY = "wiring-secret-key-0123456789";

    private static S3Proxy proxy;

    private static BlobStoreContext blobs;

    private static InMemoryMongo mongo;

    private static String endpoint;

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        blobs = ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .overrides(new Properties())
            .build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
            .blobStore(blobs.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
        proxy.start();
        await().until(() -> "STARTED".equals(proxy.getState()));
        endpoint = "http://127.0.0.1:" + proxy.getPort();
        try (S3Client admin = S3Client.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create(endpoint))
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .build()) {
            admin.createBucket(create -> create.bucket("wired"));
        }
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stop() throws Exception {
        mongo.close();
        proxy.stop();
        blobs.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private ApplicationContextRunner runner(boolean manageLifecycle) {
        return new ApplicationContextRunner()
            .withUserConfiguration(Infrastructure.class, OutputsConfiguration.class, StorageLinksConfiguration.class)
            .withPropertyValues("gateway.storage.type=s3", "gateway.storage.s3.bucket=wired",
                    "gateway.storage.s3.endpoint=" + endpoint, "gateway.storage.s3.path-style-access=true",
                    "gateway.storage.s3.manage-lifecycle=" + manageLifecycle);
    }

    @Test
    void should_store_in_the_bucket_and_link_from_the_task_body_when_configured_for_s3() {
        runner(false).run(context -> {
            List<String> published = context.getBean(OutputPublisher.class)
                .publish("task_s3", "bfl", OutputHosts.any(),
                        List.of(new ProviderOutput.Inline(new byte[] { 7, 7, 7 }, "image/webp")));
            String body = "{\"id\":\"task_s3\",\"status\":\"completed\",\"created_at\":1,\"completed_at\":"
                    + (System.currentTimeMillis() / 1000) + ",\"outputs\":[\"" + published.getFirst()
                    + "\"],\"version\":3,\"updated_at\":1}";

            String rendered = context.getBean(TaskBodyLinks.class).render(body);

            assertThat(published).containsExactly("gateway-output:r30/task_s3/0.webp");
            String link = rendered.replaceAll(".*\"outputs\":\\[\"([^\"]+)\"\\].*", "$1");
            assertThat(link).startsWith(endpoint + "/wired/r30/task_s3/0.webp?").contains("X-Amz-Signature=");
            HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).containsExactly(7, 7, 7);
            assertThat(download.headers().firstValue("Content-Type")).hasValue("image/webp");
        });
    }

    @Test
    void should_refuse_to_start_naming_the_setting_when_the_bucket_refuses_the_retention_rules() {
        // s3proxy does not implement bucket lifecycle configuration, as some
        // S3-compatible servers do not
        runner(true).run(context -> assertThat(context.getStartupFailure()).isNotNull()
            .hasStackTraceContaining("gateway.storage.s3.manage-lifecycle=false"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OutputProperties.class)
    static class Infrastructure {

        @Bean
        MongoDatabase mongoDatabase() {
            return mongo.database("wiring");
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

    }

}
