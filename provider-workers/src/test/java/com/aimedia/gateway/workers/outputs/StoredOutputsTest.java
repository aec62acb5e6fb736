package com.aimedia.gateway.workers.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import com.aimedia.gateway.storage.LocalOutputStore;
import com.aimedia.gateway.storage.StorageMetrics;
import com.aimedia.gateway.storage.StorageProperties;
import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.aimedia.gateway.urlguard.CallbackUrlGuard;
import com.aimedia.gateway.urlguard.HostResolver;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.OutputHosts;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;
import com.mongodb.client.MongoDatabase;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class StoredOutputsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    private static final String PROVIDER_KEY = "provider-api-key-never-shown";

    @TempDir
    Path directory;

    private HttpServer provider;

    private InMemoryMongo mongo;

    private MongoDatabase database;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/video.mp4", exchange -> {
            boolean authorized = PROVIDER_KEY.equals(exchange.getRequestHeaders().getFirst("x-goog-api-key"));
            byte[] body = authorized ? "video-bytes".getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.getResponseHeaders().add("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(authorized ? 200 : 403, authorized ? body.length : -1);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.createContext("/music", exchange -> {
            byte[] body = "RIFF-wave-bytes".getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().add("Content-Type", "audio/x-wav");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
        mongo = InMemoryMongo.start();
        database = mongo.database();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
        mongo.close();
    }

    private StoredOutputs outputs(StorageProperties.Quota quota) {
        StorageProperties.Retention retention = new StorageProperties.Retention(Duration.ofDays(30),
                Map.of("short-lived", Duration.ofDays(7)));
        StorageMetrics metrics = new StorageMetrics(registry);
        OutputDownloader downloader = new OutputDownloader(
                new CallbackUrlGuard(List.of("127.0.0.0/8"), HostResolver.system()), Duration.ofSeconds(5),
                Duration.ofSeconds(5), 3, 1024);
        return new StoredOutputs(new LocalOutputStore(directory, metrics), downloader, 16, 1024,
                new TaskTenants(database), retention, new DailyQuota(database, quota, CLOCK), metrics);
    }

    private StoredOutputs outputs() {
        return outputs(new StorageProperties.Quota(null, Map.of()));
    }

    private void submitted(String taskId, String tenant) {
        database.getCollection("submissions").insertOne(new Document("_id", taskId).append("tenant_id", tenant));
    }

    private URI source(String path) {
        return URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + path);
    }

    @Test
    void should_copy_a_remote_output_with_its_credential_header_and_report_a_reference() throws IOException {
        submitted("task_1", "acme");

        List<String> published = outputs().publish("task_1", "veo", OutputHosts.any(),
                List.of(new ProviderOutput.Remote(source("/video.mp4"), Map.of("x-goog-api-key", PROVIDER_KEY))));

        assertThat(published).containsExactly("gateway-output:r30/task_1/0.mp4");
        assertThat(Files.readString(directory.resolve("r30/task_1/0.mp4"))).isEqualTo("video-bytes");
        assertThat(registry.counter(StorageMetrics.BYTES_STORED, "provider", "veo").count()).isEqualTo(11);
        assertThat(registry.timer(StorageMetrics.COPIES, "provider", "veo", "outcome", "success").count()).isEqualTo(1);
    }

    @Test
    void should_store_an_audio_output_under_its_media_type_when_a_music_model_returns_one() {
        submitted("task_music", "acme");

        List<String> published = outputs().publish("task_music", "replicate", OutputHosts.any(),
                List.of(ProviderOutput.url(source("/music"))));

        assertThat(published).containsExactly("gateway-output:r30/task_music/0.wav");
        assertThat(directory.resolve("r30/task_music/0.wav")).exists();
    }

    @Test
    void should_keep_outputs_for_the_tenants_retention_when_it_has_its_own() {
        submitted("task_2", "short-lived");

        List<String> published = outputs().publish("task_2", "bfl", OutputHosts.any(),
                List.of(new ProviderOutput.Inline(new byte[] { 1, 2, 3 }, "image/png")));

        assertThat(published).containsExactly("gateway-output:r7/task_2/0.png");
    }

    @Test
    void should_fail_clearly_without_leaking_the_url_when_the_provider_refuses_the_download() {
        assertThatThrownBy(() -> outputs().publish("task_3", "veo", OutputHosts.any(),
                List.of(ProviderOutput.url(source("/video.mp4")))))
            .isInstanceOf(OutputUnavailableException.class)
            .hasMessage(OutputDownloader.DOWNLOAD_FAILED)
            .hasMessageNotContaining("403")
            .hasMessageNotContaining("127.0.0.1");
        assertThat(registry.timer(StorageMetrics.COPIES, "provider", "veo", "outcome", "failure").count()).isEqualTo(1);
    }

    @Test
    void should_refuse_an_output_larger_than_the_limit() {
        assertThatThrownBy(() -> outputs().publish("task_4", "bfl", OutputHosts.any(),
                List.of(new ProviderOutput.Inline(new byte[2048], "image/png"))))
            .isInstanceOf(OutputRejectedException.class);
        assertThat(directory.resolve("r30/task_4/0.png")).doesNotExist();
    }

    @Test
    void should_fail_the_task_when_the_provider_returns_more_outputs_than_the_cap() {
        List<ProviderOutput> many = Collections.nCopies(17, new ProviderOutput.Inline(new byte[1], "image/png"));

        assertThatThrownBy(() -> outputs().publish("task_7", "replicate", OutputHosts.any(), many))
            .isInstanceOf(OutputRejectedException.class)
            .hasMessageContaining("at most 16 per task");
        assertThat(directory.resolve("r30/task_7")).doesNotExist();
    }

    @Test
    void should_fail_the_task_clearly_when_the_tenant_used_up_its_daily_bytes() {
        submitted("task_5", "acme");
        submitted("task_6", "acme");
        StorageProperties.Quota quota = new StorageProperties.Quota(null, Map.of("acme", DataSize.ofBytes(5)));
        outputs(quota).publish("task_5", "bfl", OutputHosts.any(),
                List.of(new ProviderOutput.Inline(new byte[3], "image/png")));

        assertThatThrownBy(() -> outputs(quota).publish("task_6", "bfl", OutputHosts.any(),
                List.of(new ProviderOutput.Inline(new byte[3], "image/png"))))
            .isInstanceOfSatisfying(OutputRejectedException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_QUOTA_EXCEEDED))
            .hasMessageContaining("daily output storage limit");
        assertThat(directory.resolve("r30/task_6/0.png")).doesNotExist();
        assertThat(registry.timer(StorageMetrics.COPIES, "provider", "bfl", "outcome", "rejected").count())
            .isEqualTo(1);
    }

}
