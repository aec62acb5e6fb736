package com.aimedia.gateway.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Collects the figures of a run, renders them as a table for people and as JSON for
 * tools.
 */
final class Report {

    private final List<Figure> figures = new ArrayList<>();

    private final List<String> skipped = new ArrayList<>();

    private final Map<String, String> machine;

    private final Instant startedAt;

    Report(Map<String, String> machine, Instant startedAt) {
        this.machine = Map.copyOf(machine);
        this.startedAt = startedAt;
    }

    synchronized void add(Figure figure) {
        figures.add(figure);
    }

    synchronized void skip(String measurement, String reason) {
        skipped.add(measurement + ": " + reason);
    }

    synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** A Markdown table, so that it can be pasted into docs/benchmarks.md as it is. */
    synchronized String table() {
        StringBuilder out = new StringBuilder();
        out.append("| measurement | metric | gateway | baseline | ratio | target | met | note |\n");
        out.append("|---|---|---:|---:|---:|---|---|---|\n");
        for (Figure figure : figures.stream().sorted((a, b) -> a.measurement().compareTo(b.measurement())).toList()) {
            Boolean met = figure.met();
            out.append("| ")
                .append(figure.measurement())
                .append(" | ")
                .append(figure.metric())
                .append(" | ")
                .append(number(figure.value()))
                .append(" | ")
                .append(number(figure.baseline()))
                .append(" | ")
                .append(number(figure.ratio()))
                .append(" | ")
                .append(Figure.Target.describe(figure.target()))
                .append(" | ")
                .append(met == null ? "" : met ? "yes" : "**no**")
                .append(" | ")
                .append(figure.note())
                .append(" |\n");
        }
        skipped.forEach(line -> out.append("\nnot measured: ").append(line));
        return out.toString();
    }

    synchronized String json() {
        StringBuilder out = new StringBuilder("{\n  \"startedAt\": ").append(quote(startedAt.toString()))
            .append(",\n  \"machine\": {");
        List<String> keys = machine.keySet().stream().sorted().toList();
        for (int i = 0; i < keys.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n")
                .append("    ")
                .append(quote(keys.get(i)))
                .append(": ")
                .append(quote(machine.get(keys.get(i))));
        }
        out.append("\n  },\n  \"figures\": [");
        for (int i = 0; i < figures.size(); i++) {
            Figure figure = figures.get(i);
            out.append(i == 0 ? "\n" : ",\n")
                .append("    {\"measurement\": ")
                .append(quote(figure.measurement()))
                .append(", \"metric\": ")
                .append(quote(figure.metric()))
                .append(", \"value\": ")
                .append(json(figure.value()))
                .append(", \"baseline\": ")
                .append(json(figure.baseline()))
                .append(", \"ratio\": ")
                .append(json(figure.ratio()))
                .append(", \"target\": ")
                .append(quote(Figure.Target.describe(figure.target())))
                .append(", \"met\": ")
                .append(String.valueOf(figure.met()))
                .append(", \"note\": ")
                .append(quote(figure.note()))
                .append('}');
        }
        out.append("\n  ],\n  \"notMeasured\": [");
        for (int i = 0; i < skipped.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(quote(skipped.get(i)));
        }
        return out.append("]\n}\n").toString();
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, json());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }

    private static String json(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "null" : String.format(Locale.ROOT, "%.4f", value);
    }

    static String quote(@Nullable String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

}
