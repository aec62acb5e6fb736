package com.aimedia.gateway.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.function.Supplier;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Records a measurement with Java Flight Recorder (profile settings) when asked; the
 * whole system is in this JVM.
 */
final class Profiler {

    private final boolean enabled;

    private final Path directory;

    Profiler(boolean enabled, Path directory) {
        this.enabled = enabled;
        this.directory = directory;
    }

    <T> T record(String name, Supplier<T> measurement) {
        if (!enabled) {
            return measurement.get();
        }
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.setName(name);
            recording.start();
            T result = measurement.get();
            recording.stop();
            Files.createDirectories(directory);
            recording.dump(directory.resolve(name + ".jfr"));
            return result;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the flight recording " + name, e);
        }
        catch (ParseException e) {
            throw new IllegalStateException("the JDK's profile settings do not parse", e);
        }
    }

}
