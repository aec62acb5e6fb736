package com.aimedia.gateway.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One component of the gateway as a JVM of its own, started from this test's classpath
 * (or a given one): started, killed with {@code kill -9} (SIGKILL: no shutdown hook, no
 * flush) and started again with the same arguments. Its output goes to a log file; it is
 * ready once that file shows the given line.
 */
final class ComponentProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;

    private final String mainClass;

    private final List<String> arguments;

    private final String readyLine;

    private final Path logDirectory;

    private Path log;

    private final java.util.Map<String, String> environment;

    private final String classpath;

    private @Nullable Process process;

    private int starts;

    ComponentProcess(String name, String mainClass, List<String> arguments, String readyLine, Path logDirectory,
            java.util.Map<String, String> environment) {
        this(name, mainClass, arguments, readyLine, logDirectory, environment, System.getProperty("java.class.path"));
    }

    /**
     * The same with another classpath than this test's (the launcher's runtime classpath
     * alone, for one).
     */
    ComponentProcess(String name, String mainClass, List<String> arguments, String readyLine, Path logDirectory,
            java.util.Map<String, String> environment, String classpath) {
        this.classpath = classpath;
        this.name = name;
        this.mainClass = mainClass;
        this.arguments = List.copyOf(arguments);
        this.readyLine = readyLine;
        this.logDirectory = logDirectory;
        this.log = logDirectory.resolve(name + ".log");
        this.environment = environment;
    }

    String name() {
        return name;
    }

    /**
     * The launcher module's classes and its runtime-scoped dependencies, as
     * {@code spring-boot:run} (the README's run command) puts them together: without the
     * test-scoped jars every test here has, so a dependency only the tests bring cannot
     * hide a broken run command (snakeyaml once: the services could not read their yml).
     * Written by maven-dependency-plugin:build-classpath in generate-test-resources.
     */
    static String launcherRuntimeClasspath() {
        Path file = Path.of("target", "runtime-classpath.txt");
        try {
            List<String> entries = new ArrayList<>();
            entries.add(Path.of("target", "classes").toAbsolutePath().toString());
            entries.addAll(List.of(Files.readString(file).trim().split(java.io.File.pathSeparator)));
            return String.join(java.io.File.pathSeparator, entries);
        }
        catch (IOException e) {
            throw new UncheckedIOException("no " + file + ": run the tests through Maven", e);
        }
    }

    /** Starts the process and waits until it is ready. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classpath, mainClass));
        command.addAll(arguments);
        try {
            // one log per start, so that what a killed run printed is kept
            log = logDirectory.resolve(name + "-" + (starts + 1) + ".log");
            Files.createDirectories(logDirectory);
            Files.writeString(log, "");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            starts++;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        awaitReady();
    }

    /** {@code kill -9}: the process gets no chance to flush, commit or say goodbye. */
    synchronized void kill() {
        Process running = process;
        if (running == null) {
            return;
        }
        running.destroyForcibly();
        try {
            running.waitFor();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** What the current (or last) run printed. */
    synchronized String output() {
        try {
            return Files.readString(log);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Process running = process;
            if (running == null || !running.isAlive()) {
                // the log may live in a test's temporary directory, deleted with it: its
                // end goes into the failure
                String output = output();
                throw new IllegalStateException(name + " exited while starting; see " + log + "; it printed:\n"
                        + output.substring(Math.max(0, output.length() - 4000)));
            }
            try {
                if (Files.readString(log).contains(readyLine)) {
                    return;
                }
                Thread.sleep(100);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(
                name + " not ready within " + START_TIMEOUT + " (start " + starts + "); see " + log);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    @Override
    public void close() {
        kill();
    }

}
