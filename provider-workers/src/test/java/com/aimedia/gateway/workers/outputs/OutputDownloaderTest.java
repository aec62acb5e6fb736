package com.aimedia.gateway.workers.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.aimedia.gateway.storage.LocalOutputStore;
import com.aimedia.gateway.storage.StorageMetrics;
import com.aimedia.gateway.storage.StorageProperties;
import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.aimedia.gateway.urlguard.CallbackUrlGuard;
import com.aimedia.gateway.urlguard.HostResolver;
import com.aimedia.gateway.workers.provider.spi.OutputHosts;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;
import com.mongodb.client.MongoDatabase;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * SSRF through provider outputs: a provider answer (a Replicate model echoing its input)
 * names an internal address, a host that resolves to one, or a file that redirects to
 * one. None may be fetched, the key must never follow a redirect to another host, and no
 * error may tell a port scanner what it hit.
 */
class OutputDownloaderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    private static final String KEY = "provider-api-key-never-shown";

    private static final List<String> LOOPBACK = List.of("127.0.0.0/8");

    private static InMemoryMongo mongo;

    private static MongoDatabase database;

    @TempDir
    Path directory;

    private final Map<String, List<InetAddress>> dns = new HashMap<>();

    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    private final List<String> keysSeenElsewhere = Collections.synchronizedList(new ArrayList<>());

    private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

    private HttpServer provider;

    private HttpServer elsewhere;

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start();
        database = mongo.database();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            String location = switch (path) {
                case "/to-metadata" -> "http://169.254.169.254/latest/meta-data/iam/security-credentials/";
                case "/to-internal-name" -> "http://internal.example.com/admin";
                case "/to-same-origin" -> "/video.mp4";
                case "/to-elsewhere" -> "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/video.mp4";
                case "/loop" -> "/loop";
                default -> null;
            };
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
                exchange.sendResponseHeaders(302, -1);
            }
            else if (path.equals("/video.mp4") && KEY.equals(exchange.getRequestHeaders().getFirst("x-goog-api-key"))) {
                byte[] body = "video-bytes".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "video/mp4");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            else if (path.equals("/huge.mp4")) {
                exchange.getResponseHeaders().add("Content-Type", "video/mp4");
                exchange.sendResponseHeaders(200, 0); // chunked: the size shows only
                                                      // while reading
                exchange.getResponseBody().write(new byte[4096]);
            }
            else if (path.equals("/stalls.mp4")) {
                exchange.sendResponseHeaders(200, 1000);
                exchange.getResponseBody().write(new byte[10]);
                exchange.getResponseBody().flush();
                try {
                    release.await();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            else if (path.equals("/declared-huge.mp4")) {
                exchange.sendResponseHeaders(200, 1_000_000);
                exchange.getResponseBody().write(new byte[16]);
                exchange.getResponseBody().flush();
            }
            else {
                exchange.sendResponseHeaders(path.equals("/admin") ? 401 : 404, -1);
            }
            exchange.close();
        });
        elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        elsewhere.createContext("/", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("x-goog-api-key");
            if (key != null) {
                keysSeenElsewhere.add(key);
            }
            byte[] body = "elsewhere".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        provider.start();
        elsewhere.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        provider.stop(0);
        elsewhere.stop(0);
    }

    /** Every non-public literal of url-guard's CallbackUrlGuardTest, IPv4 and IPv6. */
    @ParameterizedTest
    @ValueSource(strings = {
            // IPv4 private, loopback, this-network, link-local and metadata, CGNAT
            "10.254.0.0", "10.0.0.1", "172.16.10.65", "172.31.255.255", "192.168.1.1", "127.0.0.1", "127.254.254.254",
            "0.0.0.0", "0.1.2.3", "169.254.45.1", "169.254.169.254", "100.64.0.1", "100.100.0.0", "100.127.255.255",
            // multicast, reserved, broadcast, benchmarking, documentation, protocol
            // assignments, 6to4 relay
            "224.1.2.3", "239.255.255.250", "240.0.0.1", "255.255.255.255", "198.18.0.1", "198.19.255.255", "192.0.2.1",
            "198.51.100.7", "203.0.113.9", "192.0.0.8", "192.88.99.1",
            // IPv6 loopback, unspecified, IPv4-mapped, link-local, ULA (AWS metadata
            // fd00:ec2::254), multicast,
            // 6to4 and NAT64 of private and metadata addresses, reserved, documentation,
            // Teredo, site-local
            "[::1]", "[::]", "[::ffff:127.0.0.1]", "[::ffff:10.0.0.1]", "[::ffff:169.254.169.254]", "[fe80::dead:beef]",
            "[fdee:3a45:9057::1]", "[fd7a:115c:a1e0::1]", "[fd00:ec2::254]", "[fc00::1]", "[ff02::1]", "[ff00::1]",
            "[2002:c0a8:1::dead:beef]", "[2002:7f00:1::1]", "[64:ff9b::c0a8:0]", "[64:ff9b::7f00:1]",
            "[64:ff9b::a9fe:a9fe]", "[5f00::dead:beef]", "[100::1:2:3:4]", "[2001:db8::1]", "[2001::1]", "[::7f00:1]",
            "[fec0::1]", "[3fff::1]" })
    void should_refuse_without_connecting_when_the_output_url_names_a_non_public_address(String host) {
        assertRefused("http://" + host + ":8080/latest/meta-data/");
    }

    /**
     * Every odd notation, scheme, user info, port and malformed host of url-guard's
     * CallbackUrlGuardTest.
     */
    @ParameterizedTest
    @ValueSource(strings = { "http://2130706433/", "http://0x7f000001/", "http://0x7f.0.0.1/", "http://0177.0.0.1/",
            "http://127.1/", "http://127.0.1/", "http://127.0.0.01/", "http://0x7f.1/", "http://1.2.3.0x4/",
            "http://017700000001/", "http://example.com.0x10/", "http://256.1.1.1/", "http://1.2.3.4.5/",
            "ftp://files.example.com/video.mp4", "file:///etc/passwd", "gopher://files.example.com/",
            "http://user:pass@files.example.com/video.mp4", "http://user@files.example.com/",
            "http://files.example.com@127.0.0.1/video.mp4", "http://files.example.com:0/video.mp4",
            "http://files.example.com:65536/", "http://exa_mple.com/", "http://-files.example.com/",
            "http://files..example.com/", "http://[fe80::1%25eth0]/" })
    void should_refuse_when_the_output_url_uses_an_odd_notation_scheme_user_info_port_or_host(String url) {
        dns.put("files.example.com", List.of(address("93.184.216.34")));

        assertRefused(url);
    }

    @Test
    void should_refuse_an_output_url_longer_than_the_guard_accepts() {
        dns.put("files.example.com", List.of(address("93.184.216.34")));

        assertRefused("https://files.example.com/" + "a".repeat(CallbackUrlGuard.MAX_LENGTH));
    }

    private void assertRefused(String url) {
        assertThatThrownBy(() -> outputs(List.of()).publish("task_1", "replicate", OutputHosts.any(),
                List.of(ProviderOutput.url(URI.create(url)))))
            .isInstanceOf(OutputRejectedException.class)
            .hasMessage(OutputDownloader.LOCATION_REFUSED);
    }

    @Test
    void should_refuse_a_host_name_that_resolves_to_the_metadata_address() {
        dns.put("metadata.example.com", List.of(address("169.254.169.254")));

        assertThatThrownBy(() -> outputs(List.of()).publish("task_1", "replicate", OutputHosts.any(),
                List.of(ProviderOutput.url(URI.create("http://metadata.example.com/latest/meta-data/")))))
            .isInstanceOf(OutputRejectedException.class)
            .hasMessageNotContaining("169.254");
    }

    @Test
    void should_refuse_a_host_name_when_any_of_its_addresses_is_not_public() {
        dns.put("rebind.example.com", List.of(address("93.184.216.34"), address("10.0.0.7")));

        assertThatThrownBy(() -> outputs(List.of()).publish("task_1", "replicate", OutputHosts.any(),
                List.of(ProviderOutput.url(URI.create("https://rebind.example.com/video.mp4")))))
            .isInstanceOf(OutputRejectedException.class);
    }

    @Test
    void should_refuse_a_redirect_to_the_metadata_address() {
        assertThatThrownBy(() -> outputs(LOOPBACK).publish("task_1", "replicate", OutputHosts.any(),
                List.of(ProviderOutput.url(providerUrl("/to-metadata")))))
            .isInstanceOf(OutputRejectedException.class)
            .hasMessage(OutputDownloader.LOCATION_REFUSED);
        assertThat(requests).containsExactly("/to-metadata");
    }

    @Test
    void should_refuse_a_redirect_to_a_name_that_resolves_to_an_internal_address() {
        dns.put("internal.example.com", List.of(address("10.1.2.3")));

        assertThatThrownBy(() -> outputs(LOOPBACK).publish("task_1", "replicate", OutputHosts.any(),
                List.of(ProviderOutput.url(providerUrl("/to-internal-name")))))
            .isInstanceOf(OutputRejectedException.class);
    }

    @Test
    void should_follow_a_checked_redirect_on_the_same_origin_with_the_key() throws IOException {
        List<String> published = outputs(LOOPBACK).publish("task_1", "replicate", OutputHosts.any(),
                List.of(new ProviderOutput.Remote(providerUrl("/to-same-origin"), Map.of("x-goog-api-key", KEY))));

        assertThat(published).containsExactly("gateway-output:r30/task_1/0.mp4");
        assertThat(Files.readString(directory.resolve("r30/task_1/0.mp4"))).isEqualTo("video-bytes");
    }

    @Test
    void should_never_send_the_provider_key_to_the_host_a_redirect_leads_to() throws IOException {
        outputs(LOOPBACK).publish("task_1", "replicate", OutputHosts.any(),
                List.of(new ProviderOutput.Remote(providerUrl("/to-elsewhere"), Map.of("x-goog-api-key", KEY))));

        assertThat(keysSeenElsewhere).isEmpty();
        assertThat(Files.readString(directory.resolve("r30/task_1/0.mp4"))).isEqualTo("elsewhere");
    }

    @Test
    void should_give_up_on_a_redirect_loop() {
        assertThatThrownBy(() -> outputs(LOOPBACK).publish("task_1", "replicate", OutputHosts.any(),
                List.of(ProviderOutput.url(providerUrl("/loop")))))
            .isInstanceOf(OutputRejectedException.class);
        assertThat(requests).hasSize(4); // the first request and three redirects
    }

    @Test
    void should_refuse_without_connecting_a_host_the_provider_does_not_document() {
        OutputHosts replicate = new OutputHosts(List.of("replicate.delivery", "*.replicate.delivery"));

        assertThatThrownBy(() -> outputs(LOOPBACK).publish("task_1", "replicate", replicate,
                List.of(ProviderOutput.url(providerUrl("/video.mp4")))))
            .isInstanceOf(OutputRejectedException.class);
        assertThat(requests).isEmpty();
    }

    @Test
    void should_report_an_http_error_a_closed_port_and_a_401_alike_without_the_status() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        List<URI> probes = List.of(providerUrl("/missing"), providerUrl("/admin"),
                URI.create("http://127.0.0.1:" + closedPort + "/"));

        for (URI probe : probes) {
            assertThatThrownBy(() -> outputs(LOOPBACK).publish("task_1", "replicate", OutputHosts.any(),
                    List.of(ProviderOutput.url(probe))))
                .isExactlyInstanceOf(OutputUnavailableException.class)
                .hasMessage(OutputDownloader.DOWNLOAD_FAILED);
        }
    }

    @Test
    void should_refuse_an_output_that_grows_past_the_limit_while_streaming_and_keep_nothing() {
        assertThatThrownBy(() -> outputs(LOOPBACK).publish("task_1", "replicate", OutputHosts.any(),
                List.of(ProviderOutput.url(providerUrl("/huge.mp4")))))
            .isInstanceOf(OutputRejectedException.class)
            .hasMessageContaining("1024 bytes");
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void should_abort_a_download_whose_body_stalls_and_keep_nothing() {
        OutputDownloader impatient = new OutputDownloader(new CallbackUrlGuard(LOOPBACK, HostResolver.system()),
                Duration.ofSeconds(5), Duration.ofMillis(500), 3, 1024);
        StoredOutputs outputs = storedOutputs(impatient);

        assertThatThrownBy(() -> outputs.publish("task_1", "replicate", OutputHosts.any(),
                List.of(ProviderOutput.url(providerUrl("/stalls.mp4")))))
            .isExactlyInstanceOf(OutputUnavailableException.class);
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void should_refuse_an_output_whose_declared_length_is_over_the_limit_before_reading_it() {
        assertThatThrownBy(() -> outputs(LOOPBACK).publish("task_1", "replicate", OutputHosts.any(),
                List.of(ProviderOutput.url(providerUrl("/declared-huge.mp4")))))
            .isInstanceOf(OutputRejectedException.class);
    }

    @Test
    void should_refuse_more_outputs_than_a_task_may_have_before_fetching_any() {
        List<ProviderOutput> many = java.util.stream.IntStream.range(0, 5)
            .mapToObj(i -> ProviderOutput.url(providerUrl("/video.mp4")))
            .toList();

        assertThatThrownBy(() -> outputs(LOOPBACK).publish("task_1", "replicate", OutputHosts.any(), many))
            .isInstanceOf(OutputRejectedException.class)
            .hasMessageContaining("at most 4");
        assertThat(requests).isEmpty();
    }

    private StoredOutputs outputs(List<String> allowedNetworks) {
        HostResolver resolver = host -> {
            List<InetAddress> addresses = dns.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses;
        };
        OutputDownloader downloader = new OutputDownloader(new CallbackUrlGuard(allowedNetworks, resolver),
                Duration.ofSeconds(5), Duration.ofSeconds(10), 3, 1024);
        return storedOutputs(downloader);
    }

    private StoredOutputs storedOutputs(OutputDownloader downloader) {
        StorageMetrics metrics = new StorageMetrics(new SimpleMeterRegistry());
        return new StoredOutputs(new LocalOutputStore(directory, metrics), downloader, 4, 1024,
                new TaskTenants(database), new StorageProperties.Retention(Duration.ofDays(30), Map.of()),
                new DailyQuota(database, new StorageProperties.Quota(null, Map.of()), CLOCK), metrics);
    }

    /** Whatever the store kept, partial copies included. */
    private List<Path> storedFiles() {
        try (var files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private URI providerUrl(String path) {
        return URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + path);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        }
        catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

}
