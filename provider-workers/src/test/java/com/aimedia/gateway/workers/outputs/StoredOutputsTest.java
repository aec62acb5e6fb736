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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.aimedia.gateway.urlguard.CallbackUrlGuard;
import com.aimedia.gateway.urlguard.HostResolver;
import com.aimedia.gateway.workers.provider.spi.OutputHosts;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;
import com.aimedia.gateway.workers.urls.UrlSigner;
import com.sun.net.httpserver.HttpServer;

class StoredOutputsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    private static final String PROVIDER_KEY = "provider-api-key-never-shown";

    @TempDir
    Path directory;

    private HttpServer provider;
    private StoredOutputs outputs;
    private OutputUrls urls;
    private OutputStore store;

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
        provider.start();
        store = new OutputStore(directory);
        urls = new OutputUrls(URI.create("https://files.example.com/"), new UrlSigner("a-signing-secret-of-at-least-32-chars"),
                Duration.ofHours(1), CLOCK);
        OutputDownloader downloader = new OutputDownloader(
                new CallbackUrlGuard(List.of("127.0.0.0/8"), HostResolver.system()), Duration.ofSeconds(5),
                Duration.ofSeconds(5), 3, 1024);
        outputs = new StoredOutputs(store, urls, downloader, 16, 1024);
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    @Test
    void should_copy_a_remote_output_with_its_credential_header_and_hand_out_a_signed_url() throws IOException {
        URI source = URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/video.mp4");

        List<String> published = outputs.publish("task_1", OutputHosts.any(),
                List.of(new ProviderOutput.Remote(source, Map.of("x-goog-api-key", PROVIDER_KEY))));

        assertThat(published).singleElement().asString()
            .startsWith("https://files.example.com/files/task_1/0.mp4?expires=1795690800&signature=")
            .doesNotContain(PROVIDER_KEY).doesNotContain("127.0.0.1");
        assertThat(Files.readString(directory.resolve("task_1/0.mp4"))).isEqualTo("video-bytes");
    }

    @Test
    void should_store_inline_outputs_under_their_media_type() throws IOException {
        List<String> published = outputs.publish("task_2", OutputHosts.any(),
                List.of(new ProviderOutput.Inline(new byte[] { 1, 2, 3 }, "image/png")));

        assertThat(published).singleElement().asString().contains("/files/task_2/0.png?");
        assertThat(Files.readAllBytes(directory.resolve("task_2/0.png"))).containsExactly(1, 2, 3);
    }

    @Test
    void should_fail_clearly_without_leaking_the_url_when_the_provider_refuses_the_download() {
        URI source = URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/video.mp4");

        assertThatThrownBy(() -> outputs.publish("task_3", OutputHosts.any(), List.of(ProviderOutput.url(source))))
            .isInstanceOf(OutputUnavailableException.class)
            .hasMessage(OutputDownloader.DOWNLOAD_FAILED)
            .hasMessageNotContaining("403");
    }

    @Test
    void should_refuse_an_output_larger_than_the_limit() {
        assertThatThrownBy(() -> outputs.publish("task_4", OutputHosts.any(),
                List.of(new ProviderOutput.Inline(new byte[2048], "image/png"))))
            .isInstanceOf(OutputRejectedException.class);
        assertThat(directory.resolve("task_4/0.png")).doesNotExist();
    }

    @Test
    void should_grant_only_untampered_unexpired_urls() {
        String url = urls.urlFor("task_1/0.mp4");
        long expires = Long.parseLong(url.replaceAll(".*expires=(\\d+).*", "$1"));
        String signature = url.replaceAll(".*signature=", "");

        assertThat(urls.check("task_1/0.mp4", expires, signature)).isEqualTo(OutputUrls.Access.GRANTED);
        assertThat(urls.check("task_1/1.mp4", expires, signature)).isEqualTo(OutputUrls.Access.FORBIDDEN);
        assertThat(urls.check("task_1/0.mp4", expires + 3600, signature)).isEqualTo(OutputUrls.Access.FORBIDDEN);
        OutputUrls later = new OutputUrls(URI.create("https://files.example.com"),
                new UrlSigner("a-signing-secret-of-at-least-32-chars"), Duration.ofHours(1),
                Clock.offset(CLOCK, Duration.ofHours(2)));
        assertThat(later.check("task_1/0.mp4", expires, signature)).isEqualTo(OutputUrls.Access.EXPIRED);
    }

    @Test
    void should_never_resolve_a_path_outside_the_store() {
        assertThat(store.find("..", "0.mp4")).isEmpty();
        assertThat(store.find("task_1", "../../etc/passwd")).isEmpty();
        assertThat(store.find("task_1", "0.mp4")).isEmpty();
    }
}
