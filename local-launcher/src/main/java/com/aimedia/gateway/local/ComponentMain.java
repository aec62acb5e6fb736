package com.aimedia.gateway.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import com.aimedia.gateway.simulators.ProviderSimulator;
import com.aimedia.gateway.simulators.SimulatorOptions;
import com.sun.net.httpserver.HttpServer;

/**
 * Runs one piece of the gateway's infrastructure as a process of its own, so that the
 * fault suite can {@code kill -9} it alone and start it again on the same data and ports
 * (each service runs alone through its own main class):
 * <ul>
 * <li>{@code kafka <data directory> <broker port> <controller port>}: the KRaft
 * broker;</li>
 * <li>{@code mongo <data directory> <port>}: mongo-java-server on its durable H2
 * file;</li>
 * <li>{@code simulators <arguments file> <admin port> <queued ms> <running ms>}: every
 * provider simulator; writes the provider-workers arguments that point at them to the
 * file, and answers {@code GET /jobs} on the admin port with the provider jobs each
 * simulator created ({@code provider count} lines), the checker's record of what the
 * providers were asked to run.</li>
 * </ul>
 * Prints {@code READY} once it serves, then runs until it is killed.
 */
public final class ComponentMain {

    private ComponentMain() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "kafka" -> EmbeddedKafka.start(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "mongo" -> EmbeddedMongo.start(Path.of(args[1]), Integer.parseInt(args[2]));
            case "simulators" -> simulators(Path.of(args[1]), Integer.parseInt(args[2]),
                    Duration.ofMillis(Long.parseLong(args[3])), Duration.ofMillis(Long.parseLong(args[4])));
            default ->
                throw new IllegalArgumentException("unknown component " + args[0] + " (kafka, mongo or simulators)");
        }
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static void simulators(Path argumentsFile, int adminPort, Duration queuedFor, Duration runningFor)
            throws IOException {
        List<ProviderSimulator> simulators = com.aimedia.gateway.simulators.Simulators
            .startAll(new SimulatorOptions(queuedFor, runningFor));
        List<String> arguments = simulators.stream()
            .flatMap(simulator -> simulator.workerProperties().entrySet().stream())
            .map(property -> "--" + property.getKey() + "=" + property.getValue())
            .toList();
        Path written = argumentsFile.resolveSibling(argumentsFile.getFileName() + ".tmp");
        Files.write(written, arguments);
        Files.move(written, argumentsFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        HttpServer admin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), adminPort), 0);
        admin.createContext("/jobs", exchange -> {
            Map<String, Long> jobs = simulators.stream()
                .collect(Collectors.toMap(ProviderSimulator::provider, ProviderSimulator::jobsCreated, Long::sum));
            byte[] body = jobs.entrySet()
                .stream()
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n"))
                .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        admin.start();
    }

}
