package com.aimedia.gateway.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * This JVM's memory after a full GC: heap used and committed, the resident set
 * ({@code VmRSS}), and the live objects' shallow sizes by owner, from a class histogram
 * ({@code GC.class_histogram}, which itself collects first) grouped by package.
 *
 * @param byOwner MiB of live objects per owner (service, Kafka, MongoDB, ...)
 */
record Memory(double heapUsedMiB, double heapCommittedMiB, double rssMiB, Map<String, Double> byOwner) {

    static final String UNATTRIBUTED = "JDK, Spring and shared classes (byte[], String, collections)";

    /** Package prefixes and who owns their objects, first match wins. */
    private static final List<Map.Entry<String, String>> OWNERS = List.of(
            Map.entry("com.aimedia.gateway.orchestrator.", "orchestrator-service classes"),
            Map.entry("com.aimedia.gateway.api.", "api-service classes"),
            Map.entry("com.aimedia.gateway.callback.", "callback-service classes"),
            Map.entry("com.aimedia.gateway.workers.", "provider-workers classes"),
            Map.entry("com.aimedia.gateway.simulators.", "simulator classes"),
            Map.entry("org.apache.kafka.", "Kafka classes (broker and clients)"),
            Map.entry("kafka.", "Kafka classes (broker and clients)"),
            Map.entry("scala.", "Kafka classes (broker and clients)"),
            Map.entry("de.bwaldvogel.", "embedded MongoDB classes (mongo-java-server, H2)"),
            Map.entry("org.h2.", "embedded MongoDB classes (mongo-java-server, H2)"),
            Map.entry("com.mongodb.", "MongoDB driver classes"), Map.entry("org.bson.", "MongoDB driver classes"));

    private static final double MIB = 1024.0 * 1024.0;

    static Memory afterFullGc() {
        System.gc();
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Map<String, Double> byOwner = byOwner(classHistogram());
        return new Memory(heap.getUsed() / MIB, heap.getCommitted() / MIB, residentSetMiB(), byOwner);
    }

    /** {@code VmRSS} of /proc/self/status, or NaN where there is none. */
    static double residentSetMiB() {
        try (var lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                .findFirst()
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0)
                .orElse(Double.NaN);
        }
        catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String classHistogram() {
        try {
            return String.valueOf(ManagementFactory.getPlatformMBeanServer()
                .invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                        new Object[] { new String[0] }, new String[] { String[].class.getName() }));
        }
        catch (JMException e) {
            throw new IllegalStateException("cannot take a class histogram", e);
        }
    }

    /**
     * Sums the histogram's bytes (shallow: an object's own fields, not what it points to)
     * by owner.
     */
    static Map<String, Double> byOwner(String histogram) {
        Map<String, Double> bytes = new TreeMap<>();
        for (String line : histogram.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            // " 12: 3456 78901 com.example.Type (module)"
            if (columns.length < 4 || !columns[0].endsWith(":")) {
                continue;
            }
            String owner = owner(columns[3]);
            bytes.merge(owner, Double.parseDouble(columns[2]) / MIB, Double::sum);
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        bytes.entrySet()
            .stream()
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
            .forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        return ordered;
    }

    private static String owner(String className) {
        return OWNERS.stream()
            .filter(owner -> className.startsWith(owner.getKey()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(UNATTRIBUTED);
    }

}
