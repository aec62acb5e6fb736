package com.aimedia.gateway.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to run, from the command line ({@code --name=value}).
 *
 * @param only the measurements to run, by the numbers
 * @param loadDuration how long each HTTP load level runs
 * @param concurrencies the client concurrencies of the submit and GET measurements
 * @param ingestEvents events waiting in Kafka for the ingest measurement
 * @param burst how long the noisy neighbour's burst lasts
 * @param webhooks webhooks waiting to be delivered in the fan-out measurement
 * @param crashTasks tasks submitted before the kill of the crash-recovery measurement
 * @param inFlight tasks held in flight at once in the scale measurement
 * @param jfr whether to record each measurement with Java Flight Recorder (profile
 * settings)
 * @param output where the JSON result goes (the Markdown table goes next to it)
 */
record BenchmarkOptions(Set<Integer> only, Duration loadDuration, List<Integer> concurrencies, int ingestEvents,
        Duration burst, int webhooks, int crashTasks, int inFlight, boolean jfr, Path output) {

    static final Set<Integer> IMPLEMENTED = Set.of(1, 2, 3, 4, 5, 6, 7, 8);

    static BenchmarkOptions parse(String... args) {
        Set<Integer> only = new TreeSet<>(IMPLEMENTED);
        Duration loadDuration = Duration.ofSeconds(5);
        List<Integer> concurrencies = List.of(16, 64);
        int ingestEvents = 5_000;
        Duration burst = Duration.ofSeconds(12);
        int webhooks = 1_000;
        int crashTasks = 200;
        int inFlight = 100_000;
        boolean jfr = false;
        Path output = Path.of("target", "benchmarks", "result.json");
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (name) {
                case "--only" -> only = new TreeSet<>(integers(name, value));
                case "--duration" -> loadDuration = seconds(name, value);
                case "--concurrency" -> concurrencies = integers(name, value);
                case "--events" -> ingestEvents = integers(name, value).getFirst();
                case "--burst" -> burst = seconds(name, value);
                case "--webhooks" -> webhooks = integers(name, value).getFirst();
                case "--crash-tasks" -> crashTasks = integers(name, value).getFirst();
                case "--in-flight" -> inFlight = integers(name, value).getFirst();
                case "--jfr" -> jfr = true;
                case "--out" -> output = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + arg
                        + " (known: --only=3,1 --duration=5s --concurrency=16,64 --events=5000 --burst=12s"
                        + " --webhooks=1000 --crash-tasks=200 --in-flight=100000 --jfr --out=target/benchmarks/result.json)");
            }
        }
        return new BenchmarkOptions(only, loadDuration, concurrencies, ingestEvents, burst, webhooks, crashTasks,
                inFlight, jfr, output);
    }

    boolean runs(int measurement) {
        return only.contains(measurement);
    }

    private static List<Integer> integers(String name, String value) {
        List<Integer> numbers = new ArrayList<>();
        try {
            Arrays.stream(value.split(",")).map(String::trim).map(Integer::parseInt).forEach(numbers::add);
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes comma-separated whole numbers, was '" + value + "'");
        }
        if (numbers.isEmpty() || numbers.stream().anyMatch(number -> number < 1)) {
            throw new IllegalArgumentException(name + " takes positive numbers, was '" + value + "'");
        }
        return List.copyOf(numbers);
    }

    private static Duration seconds(String name, String value) {
        try {
            long seconds = Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value);
            if (seconds < 1) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes whole seconds such as 5s, was '" + value + "'");
        }
    }
}
