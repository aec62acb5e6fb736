package com.aimedia.gateway.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the embedded default is started with.
 *
 * @param apiPort the public API's port (0 = any free port)
 * @param filesPort the port of provider-workers, which serves output files and takes
 * provider callbacks; kept stable so that URLs handed out survive a restart (0 = any free
 * port)
 * @param devApiKey the development API key to accept; null makes up a random one
 * @param dataDirectory where Kafka and MongoDB keep their data; null keeps everything in
 * memory and temp files
 * @param pollInterval how often the orchestrator polls a provider task
 * @param simulatorQueuedFor how long the simulated providers keep a task queued
 * @param simulatorRunningFor how long the simulated providers keep a task running
 * @param externalKafka bootstrap servers of a Kafka to use instead of the embedded
 * broker, or null
 * @param externalMongo connection string of a MongoDB to use instead of the embedded
 * server, or null
 * @param externalSimulators a file with the provider-workers arguments of simulators that
 * run in another process (written by {@code ComponentMain simulators}), so that they
 * outlive this one; null starts them in-process
 * @param workerProperties more provider-workers settings (name to value), e.g. its
 * per-provider limits; none by default
 */
public record LocalGatewayOptions(int apiPort, int filesPort, @Nullable String devApiKey, @Nullable Path dataDirectory,
        Duration pollInterval, Duration simulatorQueuedFor, Duration simulatorRunningFor,
        @Nullable String externalKafka, @Nullable String externalMongo, @Nullable Path externalSimulators,
        Map<String, String> workerProperties) {

    public static final String DEV_TENANT = "dev";

    public LocalGatewayOptions {
        workerProperties = Map.copyOf(workerProperties);
    }

    /**
     * The README's run command: GATEWAY_PORT, GATEWAY_DEV_API_KEY, GATEWAY_DATA_DIR,
     * GATEWAY_KAFKA_BOOTSTRAP_SERVERS and GATEWAY_MONGO_URI from the environment (and
     * GATEWAY_SIMULATORS_FILE, which the fault suite uses).
     */
    public static LocalGatewayOptions fromEnvironment(Map<String, String> environment) {
        int port = parsePort("GATEWAY_PORT", environment.getOrDefault("GATEWAY_PORT", "8080"));
        int filesPort = parsePort("GATEWAY_FILES_PORT",
                environment.getOrDefault("GATEWAY_FILES_PORT", port == 0 ? "0" : String.valueOf(port + 1)));
        String key = blankToNull(environment.get("GATEWAY_DEV_API_KEY"));
        Path data = Path.of(environment.getOrDefault("GATEWAY_DATA_DIR", ".gateway-data")).toAbsolutePath();
        String simulators = blankToNull(environment.get("GATEWAY_SIMULATORS_FILE"));
        Path simulatorsFile = simulators == null ? null : Path.of(simulators);
        return new LocalGatewayOptions(port, filesPort, key, data, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), blankToNull(environment.get("GATEWAY_KAFKA_BOOTSTRAP_SERVERS")),
                blankToNull(environment.get("GATEWAY_MONGO_URI")), simulatorsFile, Map.of());
    }

    /** Everything in memory on free ports, with fast simulated providers: for tests. */
    public static LocalGatewayOptions forTests() {
        return new LocalGatewayOptions(0, 0, null, null, Duration.ofMillis(300), Duration.ofMillis(800),
                Duration.ofMillis(1500), null, null, null, Map.of());
    }

    /** The same, against a Kafka and a MongoDB that run elsewhere (Testcontainers). */
    public LocalGatewayOptions withExternal(String kafkaBootstrapServers, String mongoUri) {
        return new LocalGatewayOptions(apiPort, filesPort, devApiKey, dataDirectory, pollInterval, simulatorQueuedFor,
                simulatorRunningFor, kafkaBootstrapServers, mongoUri, externalSimulators, workerProperties);
    }

    private static int parsePort(String name, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a TCP port number (0-65535), was '" + value + "'");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
