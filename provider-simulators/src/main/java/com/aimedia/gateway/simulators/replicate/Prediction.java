package com.aimedia.gateway.simulators.replicate;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One simulated prediction: {@code starting} for {@code queuedFor}, {@code processing}
 * for {@code runningFor}, then its final status; a pure function of the time since
 * creation. Outputs are deleted ({@code data_removed}) after the retention (1 hour at
 * Replicate).
 */
final class Prediction {

    static final String STARTING = "starting";
    static final String PROCESSING = "processing";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";
    static final String CANCELED = "canceled";
    static final String ABORTED = "aborted";

    final String id;

    final String model;

    final @Nullable String version;

    final JsonNode input;

    final Instant createdAt;

    final Duration queuedFor;

    final Duration runningFor;

    final String finalStatus;

    final @Nullable String error;

    final int outputs;

    final boolean outputAsString;

    /**
     * {@code png}, or for a music model (MusicGen) its {@code output_format}: {@code wav}
     * (default) or {@code mp3}
     */
    final String extension;

    final @Nullable String webhook;

    private volatile @Nullable Instant canceledAt;

    private volatile @Nullable String forcedStatus;

    Prediction(String id, String model, @Nullable String version, JsonNode input, Instant createdAt, Duration queuedFor,
            Duration runningFor, String finalStatus, @Nullable String error, int outputs, boolean outputAsString,
            @Nullable String webhook) {
        this.id = id;
        this.model = model;
        this.version = version;
        this.input = input;
        this.createdAt = createdAt;
        this.queuedFor = queuedFor;
        this.runningFor = runningFor;
        this.finalStatus = finalStatus;
        this.error = error;
        this.outputs = outputs;
        boolean music = isMusicModel(model);
        // MusicGen answers one audio file as a plain string, like replicate.com's
        // meta/musicgen
        this.outputAsString = outputAsString || music;
        this.extension = music ? ("mp3".equals(input.path("output_format").asString("")) ? "mp3" : "wav") : "png";
        this.webhook = webhook;
    }

    String status(Instant now) {
        if (forcedStatus != null) {
            return forcedStatus;
        }
        Instant canceled = canceledAt;
        if (canceled != null && !now.isBefore(canceled)) {
            return CANCELED;
        }
        if (now.isBefore(createdAt.plus(queuedFor))) {
            return STARTING;
        }
        return now.isBefore(completesAt()) ? PROCESSING : finalStatus;
    }

    Instant completesAt() {
        return createdAt.plus(queuedFor).plus(runningFor);
    }

    boolean terminal(Instant now) {
        String status = status(now);
        return !STARTING.equals(status) && !PROCESSING.equals(status);
    }

    /**
     * Returns whether this call stopped the prediction (a repeated cancel or one after
     * the end does not).
     */
    boolean cancel(Instant now) {
        if (terminal(now)) {
            return false;
        }
        canceledAt = now;
        return true;
    }

    void force(String raw) {
        forcedStatus = raw;
    }

    /** The Prediction object of the HTTP API (and of webhook bodies). */
    void render(ObjectNode node, Instant now, String apiBase, String filesBase, Duration retention) {
        String status = status(now);
        node.put("id", id);
        node.put("model", model);
        node.put("version", version == null ? "dp-" + id.substring(0, 8) : version);
        node.set("input", input);
        node.put("logs", "");
        node.putNull("output");
        node.putNull("error");
        node.put("status", status);
        node.put("created_at", createdAt.toString());
        if (!STARTING.equals(status)) {
            node.put("started_at", createdAt.plus(queuedFor).toString());
        }
        boolean removed = terminal(now) && now.isAfter(completesAt().plus(retention));
        node.put("data_removed", removed);
        if (terminal(now)) {
            node.put("completed_at", completesAt().toString());
            node.putObject("metrics").put("predict_time", runningFor.toMillis() / 1000.0);
        }
        if (SUCCEEDED.equals(status) && !removed) {
            if (outputAsString) {
                node.put("output", filesBase + "/" + id + "/out-0." + extension);
            }
            else {
                var array = node.putArray("output");
                for (int i = 0; i < outputs; i++) {
                    array.add(filesBase + "/" + id + "/out-" + i + "." + extension);
                }
            }
        }
        if (FAILED.equals(status)) {
            node.put("error", error);
        }
        ObjectNode urls = node.putObject("urls");
        urls.put("get", apiBase + "/predictions/" + id);
        urls.put("cancel", apiBase + "/predictions/" + id + "/cancel");
        urls.put("web", "https://replicate.com/p/" + id);
    }

    /** A music generation model, such as {@code meta/musicgen}: its output is audio. */
    static boolean isMusicModel(@Nullable String model) {
        return model != null && model.toLowerCase(java.util.Locale.ROOT).contains("musicgen");
    }

}
