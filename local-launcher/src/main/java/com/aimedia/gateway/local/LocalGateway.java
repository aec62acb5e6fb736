package com.aimedia.gateway.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default: one command starts a KRaft Kafka broker, mongo-java-server, every
 * provider simulator and the four services (each in its own Spring context, wired exactly
 * as in production), then prints how to use it. Ctrl-C stops everything in reverse order.
 */
public final class LocalGateway {

    private static final Logger log = LoggerFactory.getLogger("gateway");

    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalGateway() {
    }

    public static void main(String[] args) throws Exception {
        LocalGatewayOptions options = LocalGatewayOptions.fromEnvironment(System.getenv());
        RunningGateway gateway = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping the gateway");
            gateway.close();
            stopped.countDown();
        }, "gateway-shutdown"));
        log.info(gateway.banner());
        stopped.await();
    }

    public static RunningGateway start(LocalGatewayOptions options) throws IOException {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            Path data = options.dataDirectory();
            String kafkaBootstrapServers = options.externalKafka();
            if (kafkaBootstrapServers == null) {
                Path kafkaDirectory = data != null ? data.resolve("kafka") : Files.createTempDirectory("gateway-kafka");
                if (data == null) {
                    // registered first, so it runs after the broker has stopped (closing
                    // goes in reverse order)
                    started.add(() -> deleteRecursively(kafkaDirectory));
                }
                EmbeddedKafka kafka = EmbeddedKafka.start(kafkaDirectory);
                started.add(kafka);
                kafkaBootstrapServers = kafka.bootstrapServers();
            }
            String mongoUri = options.externalMongo();
            if (mongoUri == null) {
                EmbeddedMongo mongo = EmbeddedMongo.start(data == null ? null : data.resolve("mongo"));
                started.add(mongo);
                mongoUri = mongo.uri();
            }
            List<String> simulatorArguments;
            Path externalSimulators = options.externalSimulators();
            if (externalSimulators == null) {
                Simulators simulators = Simulators.start(options, System.getenv());
                started.add(simulators);
                simulatorArguments = simulators.workerArguments();
            }
            else {
                simulatorArguments = Files.readAllLines(externalSimulators);
            }

            String devApiKey = options.devApiKey() != null ? options.devApiKey() : "sk_dev_" + randomToken(24);
            Path outputs = data != null ? data.resolve("outputs") : Files.createTempDirectory("gateway-outputs");
            if (data == null) {
                started.add(() -> deleteRecursively(outputs));
            }
            Infrastructure infrastructure = new Infrastructure(kafkaBootstrapServers, mongoUri,
                    persistentSecret(data, "task-id-secret"), persistentSecret(data, "url-signing-secret"), outputs,
                    adminToken(data));
            List<ConfigurableApplicationContext> services = Services.start(options, infrastructure, simulatorArguments,
                    devApiKey);
            services.forEach(service -> started.add(service::close));
            return new RunningGateway(services, devApiKey, started, infrastructure);
        }
        catch (IOException | RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    /**
     * Kept with the data so that task ids and output URLs stay valid across restarts of
     * the embedded default.
     */
    private static String persistentSecret(@Nullable Path data, String name) throws IOException {
        if (data == null) {
            return randomToken(48);
        }
        Path file = data.resolve(name);
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        Files.createDirectories(data);
        String secret = randomToken(48);
        Files.writeString(file, secret);
        return secret;
    }

    /**
     * The admin API's token: {@code GATEWAY_API_ADMIN_TOKEN} when set, else one made up
     * once and kept with the data (printed at start), so a newcomer can use the admin API
     * and its CLI on the embedded default right away.
     */
    private static String adminToken(@Nullable Path data) throws IOException {
        String configured = System.getenv("GATEWAY_API_ADMIN_TOKEN");
        return configured != null && !configured.isBlank() ? configured.strip() : persistentSecret(data, "admin-token");
    }

    static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static void closeAll(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            }
            catch (Exception e) {
                log.warn("error while stopping component={} error={}", i, e.toString());
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /**
     * Where the services find Kafka, MongoDB and the output store, the secret that makes
     * task ids self-authenticating and the one that signs the URLs provider-workers hands
     * out.
     */
    /**
     * @param adminToken the admin API's bearer token ({@code gateway.api.admin.token})
     */
    public record Infrastructure(String kafkaBootstrapServers, String mongoUri, String taskIdSecret,
            String urlSigningSecret, Path outputsDirectory, String adminToken) {
    }

}
